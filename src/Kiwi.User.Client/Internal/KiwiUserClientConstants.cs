namespace Kiwi.User.Client.Internal;

/// <summary>Every default of the client and the session, in one place; the same as Kiwi.Auth's handler.</summary>
internal static class KiwiUserClientConstants
{
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan DefaultTotalTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan MinimumBreakerSampling = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultRefreshBuffer = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(600);
    public const int DefaultRetries = 2;
}
