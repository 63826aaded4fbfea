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
    /// <summary>
    /// The verdict held in memory for a token not parsed yet, or <see langword="null"/> (cache off, or a miss):
    /// the caller then parses the token and asks <see cref="GetVerdictAsync"/>, which looks further. Only memory,
    /// so that a token whose JSON turns out malformed, or that breaks a claim rule, never costs a network call.
    /// </summary>
    /// <remarks>A hit skips <see cref="TokenClaimsPolicy"/> safely: the entry was stored for this exact token
    /// (full SHA-256, per mode and trust anchor) after the rules passed, and a valid one is never served past
    /// <c>exp</c>. Only the accepted applications can change meanwhile (options reload, or another scheme or instance
    /// sharing the cache), so a valid hit is checked against them again; a refused one is treated as a miss, and the
    /// full rules then give the usual answer.</remarks>
    public TokenVerdict? GetCachedBeforeParse(string raw, string scheme, out string? hash)
    {
        hash = null;
        var options = optionsMonitor.Get(scheme);
        if (!VerdictCache.IsEnabled(options))
        {
            return null;
        }

        hash = KiwiToken.ComputeHash(raw);
        var hit = cache.GetLocal(VerdictCache.KeyFor(options, hash), hash);
        if (hit is null
            || (hit.Kind == TokenVerdictKind.Valid && !TokenClaimsPolicy.AcceptsApplication(hit.User!.Application,
                options)))
        {
            return null;
        }

        return FromCache(hit);
    }

    public ValueTask<TokenVerdict> GetVerdictAsync(KiwiToken token, string scheme, CancellationToken cancellationToken)
    {
        var options = optionsMonitor.Get(scheme);

        var broken = TokenClaimsPolicy.Check(token, options, timeProvider.GetUtcNow());
        if (broken is not null)
        {
            metrics?.Verdict(VerdictSources.Precheck, TokenVerdictKind.Invalid, broken);
            return ValueTask.FromResult(TokenVerdict.Invalid(broken));
        }

        if (!VerdictCache.IsEnabled(options))
        {
            return options.Mode == KiwiAuthMode.Local
                ? ValidateLocallyAsync(token, options, cancellationToken)
                : ValidateObservedAsync(VerdictCache.KeyFor(options, token.Hash), token, options,
                    () => ValidateAsync(token, options), cancellationToken);
        }

        var key = VerdictCache.KeyFor(options, token.Hash);

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

    /// <summary>Local mode with the cache off: a signature check shares nothing with other requests, so no key
    /// and no coalescer. It runs without the request's cancellation, as in the coalescer, so that a public key
    /// fetch it may start is not cut short; an aborted request stops waiting for it.</summary>
    private async ValueTask<TokenVerdict> ValidateLocallyAsync(
        KiwiToken token, KiwiAuthOptions options, CancellationToken cancellationToken)
    {
        using var activity = KiwiAuthActivities.StartValidation(token, options.Mode);
        var validator = services.GetRequiredKeyedService<ITokenValidator>(options.Mode);
        var pending = validator.ValidateAsync(token, CancellationToken.None);
        TokenVerdict verdict;
        try
        {
            verdict = pending.IsCompleted ? await pending : await pending.AsTask().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            verdict = TokenVerdict.Unavailable(TokenFailureReasons.RequestAborted);
        }

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
