using Kiwi.Auth.Tokens;

namespace Kiwi.Auth.Validation;

/// <summary>
/// The claim rules both modes apply, so that a token gets the same verdict in each: RS256 only, <c>type</c>
/// <c>access</c>, <c>exp</c> not past (with the skew), and <c>iss</c> among the accepted applications when listed.
/// </summary>
internal static class TokenClaimsPolicy
{
    public const string Algorithm = "RS256";

    public const string AccessType = "access";

    /// <summary>Returns why the token breaks a rule, or <see langword="null"/> when it breaks none.</summary>
    public static string? Check(KiwiToken token, KiwiAuthOptions options, DateTimeOffset now)
    {
        if (!string.Equals(token.Algorithm, Algorithm, StringComparison.Ordinal))
        {
            return TokenFailureReasons.BadAlgorithm;
        }

        if (!string.Equals(token.Payload.Type, AccessType, StringComparison.Ordinal))
        {
            return TokenFailureReasons.NotAccessToken;
        }

        if (IsExpired(token.Payload.ExpiresAt, options.ClockSkew, now))
        {
            return TokenFailureReasons.Expired;
        }

        if (!AcceptsApplication(token.Payload.Issuer, options))
        {
            return TokenFailureReasons.ApplicationNotAccepted;
        }

        return null;
    }

    /// <summary>Whether <paramref name="application"/> (the <c>iss</c>) is accepted: any, when none are listed.
    /// </summary>
    public static bool AcceptsApplication(string application, KiwiAuthOptions options) =>
        options.Applications.Count == 0 || options.Applications.Contains(application);

    /// <summary>kiwi-user rejects <c>exp &lt; now</c> in whole seconds; the skew widens that for drifting clocks.
    /// </summary>
    public static bool IsExpired(long expiresAt, TimeSpan skew, DateTimeOffset now) =>
        expiresAt + (long)skew.TotalSeconds < now.ToUnixTimeSeconds();
}
