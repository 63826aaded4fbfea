using System.Diagnostics.CodeAnalysis;
using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;

namespace Kiwi.Auth.Caching;

/// <summary>
/// Verdicts by the SHA-256 of the token, in HybridCache: the application's memory, and its distributed cache
/// (Redis) when it registers one, so that a fleet of API instances verifies a token about once.
/// </summary>
/// <remarks>
/// Why not one <c>GetOrCreateAsync</c>: an entry's lifetime depends on the verdict (valid: until the earlier of
/// <c>exp</c> and <see cref="KiwiAuthOptions.CacheDuration"/>; invalid:
/// <see cref="KiwiAuthOptions.NegativeCacheDuration"/>; unavailable: not at all), but <c>GetOrCreateAsync</c>
/// fixes the entry options before its factory runs and HybridCache 10.x gives the factory no way to change them.
/// So the service looks up without a factory (memory first, then the distributed cache within a time budget),
/// validates through <see cref="ValidationCoalescer"/>, and stores with <c>SetAsync</c> and the computed lifetime.
/// No failure of the cache ever fails a request: it only turns a hit into a miss, logged as a warning.
/// </remarks>
internal sealed class VerdictCache(
    HybridCache cache, TimeProvider timeProvider, ILogger<VerdictCache> logger, IDistributedCache? distributed = null)
{
    private const string RemotePrefix = VerdictCacheLimits.KeyPrefix + "remote:";
    private const string LocalPrefix = VerdictCacheLimits.KeyPrefix + "local:";

    private static readonly HybridCacheEntryOptions LocalLookup = new()
    {
        Flags = HybridCacheEntryFlags.DisableDistributedCache | HybridCacheEntryFlags.DisableUnderlyingData
            | HybridCacheEntryFlags.DisableLocalCacheWrite,
    };

    private static readonly HybridCacheEntryOptions DistributedLookup = new()
    {
        Flags = HybridCacheEntryFlags.DisableLocalCacheRead | HybridCacheEntryFlags.DisableUnderlyingData,
    };

    // HybridCache ignores an in-memory IDistributedCache; without a real one a miss need not look further.
    private readonly bool _hasDistributed = distributed is not null and not MemoryDistributedCache;

    private readonly Lock _negativeLock = new();
    private long _negativeWindowStart = long.MinValue / 2;
    private long _negativeWindowMs;
    private int _negativeCount;
    private bool _negativeLimitReported;

    /// <summary>See <see cref="VerdictCacheLimits.NegativeEntriesPerWindow"/>; settable for tests.</summary>
    internal int NegativeEntriesPerWindow { get; init; } = VerdictCacheLimits.NegativeEntriesPerWindow;

    /// <summary>See <see cref="VerdictCacheLimits.DistributedCacheBudget"/>; settable for tests.</summary>
    internal TimeSpan DistributedCacheBudget { get; init; } = VerdictCacheLimits.DistributedCacheBudget;

    /// <summary><see cref="KiwiAuthOptions.CacheDuration"/> zero (or less) turns the cache off.</summary>
    public static bool IsEnabled(KiwiAuthOptions options) => options.CacheDuration > TimeSpan.Zero;

    /// <summary>
    /// The key of a token: its full SHA-256, under the mode (only remote verdicts carry a profile) and the trust anchor
    /// that judged it: the public key in local mode with a configured one, else kiwi-user's address. Applications
    /// that share a distributed cache but trust another kiwi-user or key (staging and production, a test host with
    /// a test key) then never serve each other's verdicts.
    /// </summary>
    public static string KeyFor(KiwiAuthOptions options, string tokenHash)
    {
        var local = options.Mode == KiwiAuthMode.Local;
        var anchor = local && !string.IsNullOrEmpty(options.PublicKeyPem)
            ? options.PublicKeyPem
            : options.BaseUrl?.AbsoluteUri ?? "";
        return string.Concat(local ? LocalPrefix : RemotePrefix, options.CacheScope.Of(anchor), ":", tokenHash);
    }

    /// <summary>The cached verdict of a token, or <see langword="null"/> on a miss. A memory hit completes
    /// synchronously and allocates nothing.</summary>
    public ValueTask<TokenVerdict?> GetAsync(string key, KiwiToken token, CancellationToken cancellationToken)
    {
        var local = LookUpLocally(key, token.Hash);
        if (!local.IsCompletedSuccessfully)
        {
            return GetAfterLocalAsync(local, key, token, cancellationToken);
        }

        return Fresh(local.Result) is { } verdict
            ? ValueTask.FromResult<TokenVerdict?>(verdict)
            : GetDistributedAsync(key, token, cancellationToken);
    }

    /// <summary>The verdict cached in memory, or <see langword="null"/>; never waits for the distributed cache.
    /// </summary>
    public TokenVerdict? GetLocal(string key, KiwiToken token) => GetLocal(key, token.Hash);

    /// <summary>As <see cref="GetLocal(string, KiwiToken)"/>, for a token known only by its hash.</summary>
    public TokenVerdict? GetLocal(string key, string tokenHash)
    {
        var local = LookUpLocally(key, tokenHash);
        return local.IsCompletedSuccessfully ? Fresh(local.Result) : null;
    }

    /// <summary>Stores a fresh verdict for as long as it may be served; an unavailable verdict never.</summary>
    public async Task StoreAsync(string key, KiwiToken token, TokenVerdict verdict, KiwiAuthOptions options)
    {
        var now = timeProvider.GetUtcNow();
        var lifetime = LifetimeOf(token, verdict, options, now);
        if (lifetime <= TimeSpan.Zero || (verdict.Kind == TokenVerdictKind.Invalid && !AdmitNegative(now, lifetime)))
        {
            return;
        }

        var entry = new CachedVerdict
        {
            Kind = verdict.Kind,
            Reason = verdict.Reason,
            User = verdict.User,
            NotAfter = (now + lifetime).ToUnixTimeMilliseconds(),
        };

        await WriteAsync(key, token, entry, lifetime);
        logger.VerdictCached(token.ShortHash, verdict.Kind, lifetime);
    }

    /// <summary>Valid: until the earlier of <c>exp</c> and the cache duration. Invalid: the negative duration.
    /// Unavailable: zero, never cached.</summary>
    internal static TimeSpan LifetimeOf(KiwiToken token, TokenVerdict verdict, KiwiAuthOptions options,
        DateTimeOffset now) => verdict.Kind switch
    {
        TokenVerdictKind.Valid => Min(options.CacheDuration,
            DateTimeOffset.FromUnixTimeSeconds(token.Payload.ExpiresAt) - now),
        TokenVerdictKind.Invalid => options.NegativeCacheDuration,
        _ => TimeSpan.Zero,
    };

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private TokenVerdict? Fresh(CachedVerdict? entry) =>
        entry is not null && entry.IsFresh(timeProvider.GetUtcNow()) ? entry.Verdict : null;

    [SuppressMessage("Design", "CA1031", Justification = "A cache failure is a miss, never a failed request.")]
    private ValueTask<CachedVerdict?> LookUpLocally(string key, string tokenHash)
    {
        try
        {
            return cache.GetOrCreateAsync(key, (object?)null, static (_, _) => default(ValueTask<CachedVerdict?>),
                LocalLookup, tags: null, CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.VerdictCacheReadFailed(KiwiToken.ShortHashOf(tokenHash), exception.GetType().Name);
            return default;
        }
    }

    [SuppressMessage("Design", "CA1031", Justification = "A cache failure is a miss, never a failed request.")]
    private async ValueTask<TokenVerdict?> GetAfterLocalAsync(
        ValueTask<CachedVerdict?> local, string key, KiwiToken token, CancellationToken cancellationToken)
    {
        try
        {
            if (Fresh(await local) is { } verdict)
            {
                return verdict;
            }
        }
        catch (Exception exception)
        {
            logger.VerdictCacheReadFailed(token.ShortHash, exception.GetType().Name);
        }

        return await GetDistributedAsync(key, token, cancellationToken);
    }

    [SuppressMessage("Design", "CA1031", Justification = "A cache failure is a miss, never a failed request.")]
    private async ValueTask<TokenVerdict?> GetDistributedAsync(
        string key, KiwiToken token, CancellationToken cancellationToken)
    {
        if (!_hasDistributed)
        {
            return null;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(DistributedCacheBudget);
        try
        {
            var entry = await cache.GetOrCreateAsync(key, (object?)null,
                static (_, _) => default(ValueTask<CachedVerdict?>), DistributedLookup, tags: null, budget.Token);
            return Fresh(entry);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.VerdictCacheReadTimedOut(token.ShortHash, DistributedCacheBudget);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.VerdictCacheReadFailed(token.ShortHash, exception.GetType().Name);
            return null;
        }
    }

    /// <summary>Memory first, synchronously, so later requests hit at once; then the distributed cache, waited
    /// for within the budget so that another instance asked next finds the verdict.</summary>
    [SuppressMessage("Design", "CA1031", Justification = "A cache failure is a miss, never a failed request.")]
    private async Task WriteAsync(string key, KiwiToken token, CachedVerdict entry, TimeSpan lifetime)
    {
        try
        {
            await cache.SetAsync(key, entry, new HybridCacheEntryOptions
            {
                Expiration = lifetime,
                LocalCacheExpiration = lifetime,
                Flags = HybridCacheEntryFlags.DisableDistributedCache,
            });

            var distributed = cache.SetAsync(key, entry, new HybridCacheEntryOptions
            {
                Expiration = lifetime,
                Flags = HybridCacheEntryFlags.DisableLocalCacheWrite,
            });
            await distributed.AsTask().WaitAsync(DistributedCacheBudget);
        }
        catch (TimeoutException)
        {
            logger.VerdictCacheWriteTimedOut(token.ShortHash, DistributedCacheBudget);
        }
        catch (Exception exception)
        {
            logger.VerdictCacheWriteFailed(token.ShortHash, exception.GetType().Name);
        }
    }

    /// <summary>Counts invalid verdicts stored in the current window. The window is the longest negative duration
    /// seen (schemes, or a reload, may differ), so each entry lives at most one window and any entry alive was
    /// stored in this window or the one before: at most twice the limit are held at once.</summary>
    private bool AdmitNegative(DateTimeOffset now, TimeSpan lifetime)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        bool admitted;
        bool report = false;
        TimeSpan window;

        lock (_negativeLock)
        {
            _negativeWindowMs = Math.Max(_negativeWindowMs, (long)lifetime.TotalMilliseconds);
            window = TimeSpan.FromMilliseconds(_negativeWindowMs);
            if (nowMs - _negativeWindowStart >= _negativeWindowMs)
            {
                _negativeWindowStart = nowMs;
                _negativeCount = 0;
                _negativeLimitReported = false;
            }

            admitted = _negativeCount < NegativeEntriesPerWindow;
            if (admitted)
            {
                _negativeCount++;
            }
            else if (!_negativeLimitReported)
            {
                _negativeLimitReported = report = true;
            }
        }

        if (report)
        {
            logger.NegativeCacheFull(NegativeEntriesPerWindow, window);
        }

        return admitted;
    }
}
