using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiwi.Auth;

/// <summary>Says at startup what would surprise an operator later: above all, that the bypass is on.</summary>
internal sealed class KiwiAuthStartupReport(
    IOptionsMonitor<KiwiAuthOptions> options, ILogger<KiwiAuthStartupReport> logger, string scheme) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var current = options.Get(scheme);
        if (current.LocalBypass.Enabled)
        {
            logger.LocalBypassEnabled(current.LocalBypass.UserId);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
