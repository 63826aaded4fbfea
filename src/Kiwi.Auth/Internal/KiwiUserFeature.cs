namespace Kiwi.Auth;

/// <summary>
/// Carries the user a Kiwi scheme validated on the request. Only the Kiwi handler sets it, so an identity that
/// another scheme made (an API key, a cookie) can never pass for a kiwi user, whatever its claims say.
/// </summary>
/// <param name="User">The user.</param>
/// <param name="Scheme">The Kiwi scheme that validated it, whose token sources the request used.</param>
/// <param name="TokenHash">The <see cref="Tokens.KiwiToken.Hash"/> of the token it validated; <see langword="null"/>
/// for the local bypass, which checks none. Token forwarding sends only a token with this hash.</param>
internal sealed record KiwiUserFeature(KiwiUser User, string Scheme, string? TokenHash);
