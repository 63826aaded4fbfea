using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kiwi.User.Emulator.Http;
using Kiwi.User.Emulator.Internal;
using Kiwi.User.Emulator.State;

namespace Kiwi.User.Emulator.Endpoints;

/// <summary>
/// Per-device sessions: one refresh token per (user, device type, device id), as kiwi-user keeps them.
/// </summary>
internal static class KiwiSessions
{
    /// <summary>A login upserts the device: new refresh token and expiry, organization context cleared.</summary>
    public static EmulatorResponse Login(EmulatorRuntime runtime, UserRecord user, Device device)
    {
        var session = new DeviceSession
        {
            RefreshToken = NewRefreshToken(user.Id, device),
            RefreshExpiresAt = runtime.Now + (long)runtime.Options.RefreshTokenLifetime.TotalSeconds,
        };
        runtime.State.Sessions[(user.Id, device.Type, device.Id)] = session;
        runtime.Logger.LoggedIn(user.Id, device.Type);
        return Answer(runtime, user, device, session);
    }

    /// <summary>A new access token for the session's organization; the refresh token and its expiry stay.</summary>
    public static EmulatorResponse Answer(
        EmulatorRuntime runtime, UserRecord user, Device device, DeviceSession session)
    {
        var (token, expiresAt) = TokenIssuer.Issue(runtime, user, device.Type, device.Id, session.OrganizationId);
        return KiwiResults.Success(w => w
            .StartObject()
            .Property("refresh_token", session.RefreshToken)
            .Property("refresh_token_expires_at", session.RefreshExpiresAt)
            .Property("access_token", token)
            .Property("access_token_expires_at", expiresAt)
            .Property("type", "Bearer")
            .Property("device_type", device.Type)
            .Property("device_id", device.Id)
            .Property("user_id", user.Id)
            .EndObject());
    }

    /// <summary>Whether the session's refresh token is this one and has not expired.</summary>
    public static bool Accepts(EmulatorRuntime runtime, DeviceSession session, string refreshToken) =>
        string.Equals(session.RefreshToken, refreshToken, StringComparison.Ordinal)
        && session.RefreshExpiresAt > runtime.Now;

    /// <summary>40 lowercase hex: SHA-1 of user, device and 32 random characters, as kiwi-user makes them.</summary>
    [SuppressMessage("Security", "CA5350", Justification = "kiwi-user's format; the randomness is the secret.")]
    private static string NewRefreshToken(string userId, Device device)
    {
        var random = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var input = string.Create(
            CultureInfo.InvariantCulture, $"{userId}{device.Type}{device.Id}{random}");
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(input)));
    }
}
