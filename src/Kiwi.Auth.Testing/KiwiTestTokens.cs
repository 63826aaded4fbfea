using Kiwi.User.Emulator.Tokens;

namespace Kiwi.Auth.Testing;

/// <summary>
/// Mints access tokens in kiwi-user's exact format, signed with a test key made once per test run. An API set up
/// with <c>AddKiwiTestAuth()</c> validates them locally against <see cref="PublicKeyPem"/>, through the same
/// checks as production tokens: <c>KiwiTestTokens.Create("42", role: "admin", scopes: ["write"])</c>.
/// </summary>
public static class KiwiTestTokens
{
    /// <summary>The default user id of <see cref="Create"/>, a snowflake like kiwi-user's.</summary>
    public const string DefaultUserId = "1864213360487714816";

    private static readonly SigningKey Key = SigningKey.Generate();

    /// <summary>The test key's public half (PKIX <c>PUBLIC KEY</c> PEM), for <c>KiwiAuth:PublicKeyPem</c>.</summary>
    public static string PublicKeyPem => Key.PublicKeyPem;

    /// <summary>Mints an access token.</summary>
    /// <param name="userId">The user id (<c>sub</c>).</param>
    /// <param name="role">The personal role (<c>roles</c>); empty for none.</param>
    /// <param name="scopes">The role's scopes; none by default.</param>
    /// <param name="organizationId">The session's organization; empty for none.</param>
    /// <param name="application">The application (<c>iss</c>); it must be among <c>KiwiAuth:Applications</c> when
    /// the API lists any.</param>
    /// <param name="lifetime">From now to <c>exp</c>; negative for an expired token. Default: ten minutes.</param>
    /// <param name="now">The issue time; default the system clock. Pass the API's fake clock's time when it uses
    /// one.</param>
    /// <param name="deviceType">The device type.</param>
    /// <param name="deviceId">The device id.</param>
    /// <returns>The token, for <c>Authorization: Bearer</c>.</returns>
    public static string Create(
        string userId = DefaultUserId,
        string role = "",
        IEnumerable<string>? scopes = null,
        string organizationId = "",
        string application = KiwiTestingDefaults.Application,
        TimeSpan? lifetime = null,
        DateTimeOffset? now = null,
        string deviceType = "web",
        string deviceId = "test-device")
    {
        ArgumentNullException.ThrowIfNull(userId);

        var issuedAt = (now ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var expiresAt = issuedAt + (long)(lifetime ?? KiwiTestingDefaults.TokenLifetime).TotalSeconds;
        var claims = new AccessClaims(
            "access", issuedAt, expiresAt, userId, application, role, [.. scopes ?? []], deviceType, deviceId,
            organizationId);
        return KiwiTokenFormat.Issue(claims, Key);
    }
}
