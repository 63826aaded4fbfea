using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Moq;

namespace Kiwi.Auth.Tests.Options;

/// <summary>Kiwi.Auth's services as <c>AddKiwiAuth()</c> registers them, over a configuration the test reloads.
/// </summary>
internal sealed class OptionsReloadHarness : IDisposable
{
    public const string Scheme = KiwiAuthDefaults.AuthenticationScheme;

    public const string RefusedEvent = "KiwiAuthOptionsReloadRefused";

    private readonly ServiceProvider _provider;

    public OptionsReloadHarness(IDictionary<string, string?>? settings = null)
    {
        Settings = new ReloadableSettings(settings ?? ValidSettings());
        var configuration = new ConfigurationBuilder().Add(Settings).Build();
        var environment = new Mock<IHostEnvironment>();
        environment.SetupGet(e => e.EnvironmentName).Returns(Environments.Production);

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(environment.Object);
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        services.AddKiwiAuth();
        _provider = services.BuildServiceProvider();
    }

    public ReloadableSettings Settings { get; }

    public IOptionsMonitor<KiwiAuthOptions> Monitor => _provider.GetRequiredService<IOptionsMonitor<KiwiAuthOptions>>();

    public IServiceProvider Services => _provider;

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    public IReadOnlyList<FakeLogRecord> Refusals =>
        [.. Logs.GetSnapshot().Where(r => r.Id.Name == RefusedEvent)];

    public static Dictionary<string, string?> ValidSettings() => new()
    {
        ["KiwiAuth:BaseUrl"] = "http://127.0.0.1:5081/",
        ["KiwiAuth:Timeout"] = "00:00:03",
    };

    public KiwiAuthOptions Get() => Monitor.Get(Scheme);

    /// <summary>Changes the settings, then reloads them as a file edit would.</summary>
    public void Reload(params (string Key, string? Value)[] changes)
    {
        foreach (var (key, value) in changes)
        {
            Settings.Change(key, value);
        }

        Settings.Reload();
    }

    public void Dispose() => _provider.Dispose();
}
