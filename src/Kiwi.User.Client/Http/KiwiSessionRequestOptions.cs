namespace Kiwi.User.Client.Http;

/// <summary>Per-request settings read by the session token handler (<c>AddKiwiSessionToken()</c>).</summary>
public static class KiwiSessionRequestOptions
{
    /// <summary>
    /// The key of the session whose token a request carries, for clients shared by many sessions (a
    /// backend-for-frontend): <c>request.Options.Set(KiwiSessionRequestOptions.SessionKey, key)</c>. It wins over
    /// the key given to <c>AddKiwiSessionToken(key)</c>; an empty key is refused (never the default session).
    /// </summary>
    public static readonly HttpRequestOptionsKey<string> SessionKey = new("Kiwi.User.Client.SessionKey");
}
