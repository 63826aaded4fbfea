using Kiwi.Auth.Tests.Fixtures;
using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;
using Kiwi.Auth.Validation.Local;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kiwi.Auth.Tests.Local;

/// <summary>
/// Local validation wired by hand around a fake public-key endpoint and a fake clock: the key store, the validator
/// and the same steps before it that every request takes (parse, then the shared claim rules).
/// </summary>
internal sealed class LocalHarness : IDisposable
{
    /// <summary>A day inside the fixtures' lifetime, after their <c>iat</c>.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _httpClient;

    public LocalHarness(Action<KiwiAuthOptions>? configure = null)
    {
        Options = new KiwiAuthOptions { Mode = KiwiAuthMode.Local, BaseUrl = new Uri("http://kiwi-user.test/") };
        configure?.Invoke(Options);

        Endpoint = new FakePublicKeyEndpoint(FixtureTokens.PublicKeyPem);
        _httpClient = new HttpClient(Endpoint) { BaseAddress = Options.BaseUrl };
        var factory = new Mock<IHttpClientFactory>();
        factory.Setup(f => f.CreateClient(KiwiAuthDefaults.HttpClientName)).Returns(_httpClient);

        var monitor = new Mock<IOptionsMonitor<KiwiAuthOptions>>();
        monitor.Setup(m => m.Get(It.IsAny<string>())).Returns(() => Options);

        Store = new KiwiPublicKeyStore(
            factory.Object, monitor.Object, Time, Logger<KiwiPublicKeyStore>(), KiwiAuthDefaults.AuthenticationScheme);
        Validator = new LocalTokenValidator(Store, Time, Logger<LocalTokenValidator>());
    }

    public FakeTimeProvider Time { get; } = new(Now);

    public FakeLogCollector Logs { get; } = new();

    /// <summary>What the options monitor returns; replace it to simulate a configuration reload.</summary>
    public KiwiAuthOptions Options { get; set; }

    public FakePublicKeyEndpoint Endpoint { get; }

    public KiwiPublicKeyStore Store { get; }

    public LocalTokenValidator Validator { get; }

    /// <summary>A harness whose key is already fetched.</summary>
    public static async Task<LocalHarness> WithKeyAsync(Action<KiwiAuthOptions>? configure = null)
    {
        var harness = new LocalHarness(configure);
        Assert.True(await harness.Store.RefreshAsync(CancellationToken.None));
        return harness;
    }

    /// <summary>What a request with this token would get: parse, shared claim rules, then local validation.</summary>
    public async Task<TokenVerdict> VerdictAsync(string raw, CancellationToken cancellationToken = default)
    {
        if (!KiwiTokenParser.TryParse(raw, Options.MaxTokenLength, out var token, out var reason))
        {
            return TokenVerdict.Invalid(reason);
        }

        var broken = TokenClaimsPolicy.Check(token!, Options, Time.GetUtcNow());
        if (broken is not null)
        {
            return TokenVerdict.Invalid(broken);
        }

        return await Validator.ValidateAsync(token!, cancellationToken);
    }

    public ILogger<T> Logger<T>() => new FakeLogger<T>(Logs);

    public void Dispose()
    {
        _httpClient.Dispose();
        Endpoint.Dispose();
    }
}
