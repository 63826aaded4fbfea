using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Kiwi.Auth.Tests.Infrastructure;

/// <summary>Kiwi.Auth's services as AddKiwiAuth registers them, with <see cref="FakeKiwiUser"/> below the real
/// resilience pipeline: the remote validator is exercised exactly as the handler uses it.</summary>
public sealed class ValidatorHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public ValidatorHarness(
        Action<KiwiAuthOptions>? configure = null,
        TimeProvider? timeProvider = null,
        Action<IServiceCollection>? before = null,
        Action<IServiceCollection>? after = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<IHostEnvironment>(new TestEnvironment());
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        before?.Invoke(services);
        services.AddKiwiAuth(o =>
        {
            o.BaseUrl = new Uri("http://kiwi-user.invalid/");
            o.RetryDelay = TimeSpan.FromMilliseconds(1);
            configure?.Invoke(o);
        });
        services.AddHttpClient(KiwiAuthDefaults.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => KiwiUser);
        after?.Invoke(services);

        _provider = services.BuildServiceProvider();
    }

    public FakeKiwiUser KiwiUser { get; } = new();

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    public IServiceProvider Services => _provider;

    public ITokenValidator Validator => _provider.GetRequiredKeyedService<ITokenValidator>(KiwiAuthMode.Remote);

    public static KiwiToken Parse(string raw)
    {
        Assert.True(KiwiTokenParser.TryParse(raw, 8192, out var token, out _));
        return token!;
    }

    public ValueTask<TokenVerdict> ValidateAsync(string? raw = null, CancellationToken cancellationToken = default) =>
        Validator.ValidateAsync(Parse(raw ?? TestTokens.Create()), cancellationToken);

    public int LogCount(string eventName) =>
        Logs.GetSnapshot().Count(r => r.Id.Name == eventName);

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "Kiwi.Auth.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
