using Kiwi.User.Client.Internal;

namespace Kiwi.User.Client.Sessions;

/// <summary>How sessions keep their access tokens fresh.</summary>
public sealed class KiwiSessionOptions
{
    /// <summary>
    /// How long before its expiry an access token is refreshed, as kiwi's own front ends do, so that a token handed
    /// out is not stale by the time the call arrives. Must be shorter than the access token's lifetime (600 s).
    /// </summary>
    /// <value>60 seconds.</value>
    public TimeSpan RefreshBuffer { get; set; } = KiwiUserClientConstants.DefaultRefreshBuffer;
}
