namespace Kiwi.Auth;

/// <summary>Every default of <see cref="KiwiAuthOptions"/>, in one place.</summary>
internal static class KiwiAuthConstants
{
    public static readonly TimeSpan DefaultCacheDuration = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan DefaultNegativeCacheDuration = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultClockSkew = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan DefaultTotalTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan DefaultBreakerSamplingDuration = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultBreakDuration = TimeSpan.FromSeconds(5);
    public const double DefaultBreakerFailureRatio = 0.5;
    public const int DefaultBreakerMinimumThroughput = 10;
    public static readonly TimeSpan DefaultKeyRefreshInterval = TimeSpan.FromHours(1);
    public static readonly TimeSpan DefaultKeyRefetchInterval = TimeSpan.FromMinutes(5);
    public const int DefaultRetries = 2;
    public const int DefaultMaxTokenLength = 8192;
}
