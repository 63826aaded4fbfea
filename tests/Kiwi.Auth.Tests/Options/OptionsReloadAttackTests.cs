using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Moq;

namespace Kiwi.Auth.Tests.Options;

/// <summary>Runtime reloads that go beyond one scheme bound from configuration: a second scheme, code delegates,
/// the bypass, the cache dropped by other code, reloads racing requests, and services that read options once.
/// </summary>
public sealed class OptionsReloadAttackTests
{
    private const string Other = "Other";

    [Fact]
    public void A_reload_into_the_bypass_in_Production_is_refused()
    {
        using var harness = new OptionsReloadHarness();
        Assert.False(harness.Get().LocalBypass.Enabled);

        harness.Reload(("KiwiAuth:LocalBypass:Enabled", "true"), ("KiwiAuth:LocalBypass:UserId", "1"));

        Assert.False(harness.Get().LocalBypass.Enabled);
        Assert.Single(harness.Refusals);
    }

    [Fact]
    public void A_reload_to_a_cache_duration_of_zero_applies()
    {
        using var harness = new OptionsReloadHarness();
        Assert.NotEqual(TimeSpan.Zero, harness.Get().CacheDuration);

        harness.Reload(("KiwiAuth:CacheDuration", "00:00:00"));

        Assert.Equal(TimeSpan.Zero, harness.Get().CacheDuration);
        Assert.Empty(harness.Refusals);
    }

    [Fact]
    public void A_second_scheme_keeps_its_last_valid_options_and_logs_its_own_refusal()
    {
        using var host = Host.Start((services, _) => services.AddKiwiAuth().AddKiwiAuth(Other, o => o.ClockSkew *= 2));
        var monitor = host.Monitor;
        Assert.Equal(TimeSpan.FromSeconds(3), monitor.Get(Other).Timeout);
        Assert.Equal(TimeSpan.FromSeconds(3), monitor.Get(KiwiAuthDefaults.AuthenticationScheme).Timeout);

        host.Reload(("KiwiAuth:Timeout", "00:00:04"));
        host.Reload(("KiwiAuth:Timeout", "banana"));

        Assert.Equal(TimeSpan.FromSeconds(4), monitor.Get(Other).Timeout);
        Assert.Equal(TimeSpan.FromSeconds(4), monitor.Get(KiwiAuthDefaults.AuthenticationScheme).Timeout);
        var refused = host.Refusals.Select(r => r.StructuredState!.Single(s => s.Key == "Scheme").Value).Order();
        Assert.Equal([KiwiAuthDefaults.AuthenticationScheme, Other], refused);
    }

    [Fact]
    public void A_configure_delegate_that_throws_on_reload_keeps_the_last_valid_options_even_after_a_cache_clear()
    {
        using var host = Host.Start((services, configuration) => services.AddKiwiAuth(
            o => o.BaseUrl = new Uri(configuration["Custom:KiwiUrl"]!, UriKind.Absolute)));
        var monitor = host.Monitor;
        Assert.Equal(new Uri("http://127.0.0.1:5081/"), monitor.Get(KiwiAuthDefaults.AuthenticationScheme).BaseUrl);

        host.Reload(("Custom:KiwiUrl", "not a url"));
        host.Services.GetRequiredService<IOptionsMonitorCache<KiwiAuthOptions>>().Clear();
        var options = monitor.Get(KiwiAuthDefaults.AuthenticationScheme);

        Assert.Equal(new Uri("http://127.0.0.1:5081/"), options.BaseUrl);
    }

    [Fact]
    public async Task Alternating_valid_and_invalid_reloads_under_concurrent_reads_always_give_valid_options()
    {
        using var harness = new OptionsReloadHarness();
        var cache = harness.Services.GetRequiredService<IOptionsMonitorCache<KiwiAuthOptions>>();
        using var stop = new CancellationTokenSource();
        using var started = new CountdownEvent(2);
        Assert.Equal(TimeSpan.FromSeconds(3), harness.Get().Timeout);
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var reads = 0;
            while (!stop.IsCancellationRequested)
            {
                Assert.InRange(harness.Get().Timeout, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4));
                if (reads++ == 0)
                {
                    started.Signal();
                }
            }

            return reads;
        })).ToArray();
        Assert.True(started.Wait(TimeSpan.FromSeconds(60)), "the readers did not start");

        for (var i = 0; i < 400; i++)
        {
            var timeout = (i % 4) switch { 0 => "00:00:04", 1 => "banana", 2 => "00:00:03", _ => "-1" };
            harness.Reload(("KiwiAuth:Timeout", timeout));
            if (i % 7 == 0)
            {
                cache.TryRemove(KiwiAuthDefaults.AuthenticationScheme);
            }
        }

        await stop.CancelAsync();
        Assert.All(await Task.WhenAll(readers), reads => Assert.True(reads > 0));
        Assert.Equal(TimeSpan.FromSeconds(3), harness.Get().Timeout);
    }

    /// <summary>Kiwi.Auth's services as a test registers them, over a configuration the test reloads.</summary>
    private sealed class Host : IDisposable
    {
        private ServiceProvider _provider = null!;

        private Host(ReloadableSettings settings) =>
            Configuration = new ConfigurationBuilder().Add(Settings = settings).Build();

        public ReloadableSettings Settings { get; }

        public IConfiguration Configuration { get; }

        public IServiceProvider Services => _provider;

        public IOptionsMonitor<KiwiAuthOptions> Monitor =>
            _provider.GetRequiredService<IOptionsMonitor<KiwiAuthOptions>>();

        public IReadOnlyList<FakeLogRecord> Refusals =>
            [.. _provider.GetFakeLogCollector().GetSnapshot()
                .Where(r => r.Id.Name == OptionsReloadHarness.RefusedEvent)];

        public static Host Start(Action<IServiceCollection, IConfiguration> register)
        {
            var settings = OptionsReloadHarness.ValidSettings();
            settings["Custom:KiwiUrl"] = "http://127.0.0.1:5081/";
            var host = new Host(new ReloadableSettings(settings));
            host.Register(register);
            return host;
        }

        public void Reload(params (string Key, string? Value)[] changes)
        {
            foreach (var (key, value) in changes)
            {
                Settings.Change(key, value);
            }

            Settings.Reload();
        }

        public void Dispose() => _provider.Dispose();

        private void Register(Action<IServiceCollection, IConfiguration> register)
        {
            var environment = new Mock<IHostEnvironment>();
            environment.SetupGet(e => e.EnvironmentName).Returns(Environments.Production);
            var services = new ServiceCollection();
            services.AddSingleton(Configuration);
            services.AddSingleton(environment.Object);
            services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
            register(services, Configuration);
            _provider = services.BuildServiceProvider();
        }
    }
}
