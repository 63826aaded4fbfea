using Kiwi.User.Client.Models;
using Kiwi.User.Client.Models.Requests;
using Kiwi.User.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace Kiwi.User.Client.Tests.Emulator;

/// <summary>
/// Starts a fresh emulator (demo seed: alice and bob in application kiwi-demo) on a loopback port for each test and
/// a client registered as applications register it.
/// </summary>
public abstract class EmulatorClientTest : IAsyncLifetime
{
    public const string Application = "kiwi-demo";
    public const string AliceId = "1864213360487714901";
    public const string BobId = "1864213360487714902";
    public const string DemoOrganization = "5f0c6d2e-8a7b-4c1d-9e3f-2a1b0c9d8e7f";

    private KiwiUserEmulator? emulator;
    private ServiceProvider? provider;

    protected static KiwiDevice Device { get; } = new("web", "client-tests");

    protected KiwiUserEmulator Emulator => emulator ?? throw new InvalidOperationException("Not started.");

    protected EmulatorControl Control => Emulator.Control;

    protected IServiceProvider Services => provider ?? throw new InvalidOperationException("Not started.");

    protected IKiwiUserClient Client => Services.GetRequiredService<IKiwiUserClient>();

    public async Task InitializeAsync()
    {
        emulator = await KiwiUserEmulator.StartAsync(CreateOptions());
        var services = new ServiceCollection();
        services.AddKiwiUserClient(o =>
        {
            o.BaseUrl = emulator.BaseAddress;
            o.RetryDelay = TimeSpan.Zero;
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
            o.TotalTimeout = TimeSpan.FromSeconds(30);
        });
        ConfigureServices(services);
        provider = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        if (provider is not null)
        {
            await provider.DisposeAsync();
        }

        if (emulator is not null)
        {
            await emulator.DisposeAsync();
        }
    }

    protected virtual KiwiUserEmulatorOptions CreateOptions() => new();

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected Task<LoginResult> LoginAliceAsync(KiwiDevice? device = null) =>
        Client.LoginWithPasswordAsync(
            new PasswordLoginRequest(Application, "alice", "alice-password", device ?? Device));
}
