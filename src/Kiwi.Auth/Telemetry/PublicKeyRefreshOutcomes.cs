namespace Kiwi.Auth.Telemetry;

/// <summary>The values of the <c>outcome</c> tag of <c>kiwi_auth.public_key.refreshes</c>.</summary>
internal static class PublicKeyRefreshOutcomes
{
    /// <summary>A new key was fetched and is now used: at the first fetch, or after kiwi-user rotated its key.
    /// </summary>
    public const string Changed = "changed";

    /// <summary>The same key as before was fetched.</summary>
    public const string Unchanged = "unchanged";

    /// <summary>The fetch failed: kiwi-user unreachable, an error, a timeout. The key in use is kept.</summary>
    public const string Failed = "failed";

    /// <summary>kiwi-user answered with text that is not an RSA public key. The key in use is kept.</summary>
    public const string Unreadable = "unreadable";
}
