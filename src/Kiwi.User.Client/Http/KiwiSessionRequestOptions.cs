namespace Kiwi.User.Client.Http;

/// <summary>Per-request settings read by the session token handler (<c>AddKiwiSessionToken()</c>).</summary>
public static class KiwiSessionRequestOptions
{
    /// <summary>
    /// The key of the session whose token a request carries, for clients shared by many sessions (a
    /// backend-for-frontend): <c>request.Options.Set(KiwiSessionRequestOptions.SessionKey, key)</c>. It wins over
    /// the key given to <c>AddKiwiSessionToken(key)</c>.
    /// </summary>
    public static readonly HttpRequestOptionsKey<string> SessionKey = new("Kiwi.User.Client.SessionKey");
}
