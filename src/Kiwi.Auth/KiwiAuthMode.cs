namespace Kiwi.Auth;

/// <summary>How Kiwi.Auth decides whether a token is valid.</summary>
public enum KiwiAuthMode
{
    /// <summary>
    /// Ask kiwi-user with <c>POST /v1/token/verify</c>; notices deleted users and returns the profile.
    /// </summary>
    Remote = 0,

    /// <summary>Check the RS256 signature in-process with kiwi-user's public key; no call per token.</summary>
    Local = 1,
}
