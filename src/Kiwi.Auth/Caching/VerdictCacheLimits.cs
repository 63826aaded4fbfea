namespace Kiwi.Auth.Caching;

/// <summary>The fixed bounds of the verdict cache, in one place.</summary>
internal static class VerdictCacheLimits
{
    /// <summary>At most this many invalid verdicts are stored per <see cref="KiwiAuthOptions.NegativeCacheDuration"/>
    /// window. Each lives one window, so at most twice this many are held at once, however many distinct
    /// well-formed but forged tokens arrive; past the limit they are validated but not stored.</summary>
    public const int NegativeEntriesPerWindow = 10_000;

    /// <summary>At most this many distinct tokens are validated at once; a request past it gets
    /// <see cref="Validation.TokenVerdictKind.Unavailable"/> (503, not cached) instead of a new call.</summary>
    public const int InFlightValidations = 1_024;

    /// <summary>How long a request waits for the distributed cache, to read a verdict or to store a fresh one,
    /// before it goes on without it. A slow or unreachable Redis costs a request at most this long.</summary>
    public static readonly TimeSpan DistributedCacheBudget = TimeSpan.FromSeconds(1);

    /// <summary>Version and purpose of the keys; changes when <see cref="CachedVerdict"/> changes shape.</summary>
    public const string KeyPrefix = "kiwi-auth:verdict:v1:";
}
