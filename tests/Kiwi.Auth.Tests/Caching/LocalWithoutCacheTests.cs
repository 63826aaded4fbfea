using Kiwi.Auth.Caching;
using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Kiwi.Auth.Tests.Caching;

/// <summary>Local mode with the cache off calls the validator directly, once per request.</summary>
public sealed class LocalWithoutCacheTests
{
    [Fact]
    public async Task Every_request_is_checked_by_the_local_validator_when_the_cache_is_off()
    {
        var validator = new Mock<ITokenValidator>();
        validator.Setup(v => v.ValidateAsync(It.IsAny<KiwiToken>(), It.IsAny<CancellationToken>()))
            .Returns((KiwiToken token, CancellationToken _) =>
                ValueTask.FromResult(VerdictHarness.ValidVerdict(token)));
        using var provider = Build(validator.Object);
        var service = provider.GetRequiredService<TokenVerdictService>();
        var token = TestTokens.Create(DateTimeOffset.UtcNow.AddMinutes(10));

        var first = await service.GetVerdictAsync(token, VerdictHarness.Scheme, CancellationToken.None);
        var second = await service.GetVerdictAsync(token, VerdictHarness.Scheme, CancellationToken.None);

        Assert.Equal(TokenVerdictKind.Valid, first.Kind);
        Assert.Equal(TokenVerdictKind.Valid, second.Kind);
        Assert.Equal(2, validator.Invocations.Count);
    }

    [Fact]
    public async Task An_aborted_request_stops_waiting_for_a_slow_local_validation()
    {
        var never = new TaskCompletionSource<TokenVerdict>();
        var validator = new Mock<ITokenValidator>();
        validator.Setup(v => v.ValidateAsync(It.IsAny<KiwiToken>(), It.IsAny<CancellationToken>()))
            .Returns(new ValueTask<TokenVerdict>(never.Task));
        using var provider = Build(validator.Object);
        var service = provider.GetRequiredService<TokenVerdictService>();
        using var aborted = new CancellationTokenSource();

        var pending = service.GetVerdictAsync(
            TestTokens.Create(DateTimeOffset.UtcNow.AddMinutes(10)), VerdictHarness.Scheme, aborted.Token);
        await aborted.CancelAsync();
        var verdict = await pending;

        Assert.Equal(TokenVerdictKind.Unavailable, verdict.Kind);
        Assert.Equal(TokenFailureReasons.RequestAborted, verdict.Reason);
    }

    private static ServiceProvider Build(ITokenValidator validator)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<KiwiAuthOptions>(VerdictHarness.Scheme).Configure(o =>
        {
            o.Mode = KiwiAuthMode.Local;
            o.CacheDuration = TimeSpan.Zero;
        });
        services.AddKeyedSingleton(KiwiAuthMode.Local, validator);
        services.AddSingleton<TokenVerdictService>();
        services.AddKiwiVerdictCache();
        return services.BuildServiceProvider();
    }
}
