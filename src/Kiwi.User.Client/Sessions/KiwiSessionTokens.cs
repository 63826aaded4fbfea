using System.Text.Json.Serialization;
using Kiwi.User.Client.Models;

namespace Kiwi.User.Client.Sessions;

/// <summary>What a session store keeps for one session: the device's tokens and when they expire.</summary>
public sealed record KiwiSessionTokens
{
    /// <summary>The user id.</summary>
    [JsonPropertyName("user_id")]
    public required string UserId { get; init; }

    /// <summary>The device the session belongs to.</summary>
    [JsonPropertyName("device")]
    public required KiwiDevice Device { get; init; }

    /// <summary>The current access token.</summary>
    [JsonPropertyName("access_token")]
    public required string AccessToken { get; init; }

    /// <summary>When the access token expires (its <c>exp</c>).</summary>
    [JsonPropertyName("access_token_expires_at")]
    public required DateTimeOffset AccessTokenExpiresAt { get; init; }

    /// <summary>The device's refresh token; refreshing does not change it.</summary>
    [JsonPropertyName("refresh_token")]
    public required string RefreshToken { get; init; }

    /// <summary>When the refresh token expires: 24 hours after the login, whatever the refreshes.</summary>
    [JsonPropertyName("refresh_token_expires_at")]
    public required DateTimeOffset RefreshTokenExpiresAt { get; init; }

    /// <summary>Reads the tokens of a login, an organization login or a refresh.</summary>
    /// <param name="login">kiwi-user's answer.</param>
    /// <returns>The tokens to store.</returns>
    public static KiwiSessionTokens FromLogin(LoginResult login)
    {
        ArgumentNullException.ThrowIfNull(login);
        return new KiwiSessionTokens
        {
            UserId = login.UserId,
            Device = new KiwiDevice(login.DeviceType, login.DeviceId),
            AccessToken = login.AccessToken,
            AccessTokenExpiresAt = DateTimeOffset.FromUnixTimeSeconds(login.AccessTokenExpiresAt),
            RefreshToken = login.RefreshToken,
            RefreshTokenExpiresAt = DateTimeOffset.FromUnixTimeSeconds(login.RefreshTokenExpiresAt),
        };
    }
}
