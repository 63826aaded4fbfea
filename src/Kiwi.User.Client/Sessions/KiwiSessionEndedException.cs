namespace Kiwi.User.Client.Sessions;

/// <summary>
/// The session has no valid tokens any more and the user must log in again. Thrown by every session call after
/// the end; <see cref="KiwiSessionManager.SessionEnded"/> is raised once when it happens.
/// </summary>
public sealed class KiwiSessionEndedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="sessionKey">The session's key.</param>
    /// <param name="reason">Why it ended.</param>
    /// <param name="innerException">kiwi-user's refusal, when that ended it.</param>
    public KiwiSessionEndedException(string sessionKey, KiwiSessionEndReason reason, Exception? innerException = null)
        : base($"The kiwi-user session ended ({reason}); log in again.", innerException)
    {
        SessionKey = sessionKey;
        Reason = reason;
    }

    /// <summary>The session's key.</summary>
    public string SessionKey { get; }

    /// <summary>Why it ended.</summary>
    public KiwiSessionEndReason Reason { get; }
}
