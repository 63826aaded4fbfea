namespace Kiwi.User.Client.Sessions;

/// <summary>Tells which session ended and why.</summary>
/// <param name="sessionKey">The session's key.</param>
/// <param name="userId">The session's user.</param>
/// <param name="reason">Why it ended.</param>
public sealed class KiwiSessionEndedEventArgs(string sessionKey, string userId, KiwiSessionEndReason reason)
    : EventArgs
{
    /// <summary>The session's key.</summary>
    public string SessionKey { get; } = sessionKey;

    /// <summary>The session's user.</summary>
    public string UserId { get; } = userId;

    /// <summary>Why it ended.</summary>
    public KiwiSessionEndReason Reason { get; } = reason;
}
