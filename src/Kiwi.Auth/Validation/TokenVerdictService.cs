using Kiwi.Auth.Caching;
using Kiwi.Auth.Telemetry;
using Kiwi.Auth.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kiwi.Auth.Validation;

/// <summary>
/// Gives a parsed token its verdict: the shared claim rules first (no call and no cache entry for an expired or
/// wrong-type token), then the verdict cache, then one coalesced validation by the validator of the configured
/// mode, whose verdict is stored for as long as it may be served.
/// </summary>
internal sealed class TokenVerdictService(
    IServiceProvider services,
    IOptionsMonitor<KiwiAuthOptions> optionsMonitor,
    TimeProvider timeProvider,
    VerdictCache cache,
    ValidationCoalescer coalescer,
    KiwiAuthMetrics? metrics = null)
{
    public ValueTask<TokenVerdict> GetVerdictAsync(KiwiToken token, string scheme, CancellationToken cancellationToken)
    {
        var options = optionsMonitor.Get(scheme);

        var broken = TokenClaimsPolicy.Check(token, options, timeProvider.GetUtcNow());
        if (broken is not null)
        {
            metrics?.Verdict(VerdictSources.Precheck, TokenVerdictKind.Invalid, broken);
            return ValueTask.FromResult(TokenVerdict.Invalid(broken));
        }

        var key = VerdictCache.KeyFor(options.Mode, token.Hash);
        if (!VerdictCache.IsEnabled(options))
        {
            return ValidateObservedAsync(key, token, options, () => ValidateAsync(token, options), cancellationToken);
        }

        var cached = cache.GetAsync(key, token, cancellationToken);
        if (!cached.IsCompletedSuccessfully)
        {
            return ValidateOnMissAsync(cached, key, token, options, cancellationToken);
        }

        return cached.Result is { } hit
            ? ValueTask.FromResult(FromCache(hit))
            : ValidateOnMissAsync(default, key, token, options, cancellationToken);
    }

    private async ValueTask<TokenVerdict> ValidateOnMissAsync(ValueTask<TokenVerdict?> cached, string key,
        KiwiToken token, KiwiAuthOptions options, CancellationToken cancellationToken)
    {
        if (await cached is { } hit)
        {
            return FromCache(hit);
        }

        metrics?.CacheLookup(hit: false);
        return await ValidateObservedAsync(key, token, options,
            () => ValidateAndStoreAsync(key, token, options), cancellationToken);
    }

    private TokenVerdict FromCache(TokenVerdict hit)
    {
        metrics?.CacheHit(hit);
        return hit;
    }

    /// <summary>Every validation not answered from the cache: one activity and one counted verdict per request,
    /// also when it shares the validation of another.</summary>
    private async ValueTask<TokenVerdict> ValidateObservedAsync(string key, KiwiToken token, KiwiAuthOptions options,
        Func<Task<TokenVerdict>> work, CancellationToken cancellationToken)
    {
        using var activity = KiwiAuthActivities.StartValidation(token, options.Mode);
        var verdict = await coalescer.RunAsync(key, token.ShortHash, work, cancellationToken);
        KiwiAuthActivities.Complete(activity, verdict);
        metrics?.Verdict(VerdictSources.Of(options.Mode), verdict);
        return verdict;
    }

    private async Task<TokenVerdict> ValidateAndStoreAsync(string key, KiwiToken token, KiwiAuthOptions options)
    {
        // A request can miss the cache just before the previous validation of its token stores the verdict and
        // leaves the coalescer; look once more, in memory, before calling the validator again.
        if (cache.GetLocal(key, token) is { } stored)
        {
            return stored;
        }

        var verdict = await ValidateAsync(token, options);
        await cache.StoreAsync(key, token, verdict, options);
        return verdict;
    }

    /// <summary>Shared by every waiting request, so it runs without any one request's cancellation token; the
    /// validators bound their own time (the HTTP client's total timeout).</summary>
    private Task<TokenVerdict> ValidateAsync(KiwiToken token, KiwiAuthOptions options)
    {
        var validator = services.GetRequiredKeyedService<ITokenValidator>(options.Mode);
        return validator.ValidateAsync(token, CancellationToken.None).AsTask();
    }
}
