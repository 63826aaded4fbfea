using Kiwi.User.Emulator.State;
using Kiwi.User.Emulator.Tokens;

namespace Kiwi.User.Emulator.Internal;

/// <summary>Mints access tokens for users of the state, with the claims kiwi-user puts in them.</summary>
internal static class TokenIssuer
{
    public static (string Token, long ExpiresAt) Issue(
        EmulatorRuntime runtime, string userId, string deviceType, string deviceId, string organizationId,
        TimeSpan lifetime)
    {
        var user = runtime.State.FindUser(userId);
        var issuer = user?.Application ?? runtime.State.Applications.Keys.FirstOrDefault() ?? "";
        var role = user?.Role ?? "";
        var now = runtime.Now;
        var expiresAt = now + (long)lifetime.TotalSeconds;
        var claims = new AccessClaims(
            "access", now, expiresAt, userId, issuer, role, [.. runtime.State.ScopesOf(role)], deviceType, deviceId,
            organizationId);
        return (KiwiTokenFormat.Issue(claims, runtime.Key), expiresAt);
    }

    public static (string Token, long ExpiresAt) Issue(
        EmulatorRuntime runtime, UserRecord user, string deviceType, string deviceId, string organizationId) =>
        Issue(runtime, user.Id, deviceType, deviceId, organizationId, runtime.Options.AccessTokenLifetime);
}
