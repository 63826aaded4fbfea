namespace Kiwi.User.Client.Sessions;

/// <summary>Why a session is over.</summary>
public enum KiwiSessionEndReason
{
    /// <summary>The store holds no session under the key: never started, or ended elsewhere.</summary>
    NotFound,

    /// <summary>kiwi-user refused the refresh (403): logged out, replaced by a newer login of the same device,
    /// user or device gone.</summary>
    RefreshRefused,

    /// <summary>The refresh token expired (24 hours after the login).</summary>
    RefreshTokenExpired,

    /// <summary>The session was logged out.</summary>
    LoggedOut,
}
