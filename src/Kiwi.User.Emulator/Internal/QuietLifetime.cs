using Microsoft.Extensions.Hosting;

namespace Kiwi.User.Emulator.Internal;

/// <summary>
/// The emulator's owner (a test, or Program) decides when it stops; unlike the console lifetime this does not take
/// over Ctrl+C or SIGTERM of the host process.
/// </summary>
internal sealed class QuietLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
