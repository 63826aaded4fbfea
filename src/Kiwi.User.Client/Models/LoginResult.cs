using System.Text.Json.Serialization;
using Kiwi.User.Client.Internal;

namespace Kiwi.User.Client.Models;

/// <summary>The tokens a login or a refresh returns.</summary>
public sealed record LoginResult : IKiwiAnswer
{
    /// <summary>The last second a <see cref="DateTimeOffset"/> holds (9999-12-31T23:59:59Z).</summary>
    private const long LastUnixSecond = 253_402_300_799;

    /// <summary>The opaque refresh token (40 lowercase hex characters).</summary>
    [JsonPropertyName("refresh_token")]
    public required string RefreshToken { get; init; }

    /// <summary>When the refresh token expires, in unix seconds.</summary>
    [JsonPropertyName("refresh_token_expires_at")]
    public long RefreshTokenExpiresAt { get; init; }

    /// <summary>The RS256 access token.</summary>
    [JsonPropertyName("access_token")]
    public required string AccessToken { get; init; }

    /// <summary>When the access token expires, in unix seconds (its <c>exp</c>).</summary>
    [JsonPropertyName("access_token_expires_at")]
    public long AccessTokenExpiresAt { get; init; }

    /// <summary>The token type; always <c>Bearer</c>.</summary>
    [JsonPropertyName("type")]
    public string TokenType { get; init; } = "Bearer";

    /// <summary>The device type the session is bound to.</summary>
    [JsonPropertyName("device_type")]
    public string DeviceType { get; init; } = "";

    /// <summary>The device id the session is bound to.</summary>
    [JsonPropertyName("device_id")]
    public string DeviceId { get; init; } = "";

    /// <summary>The user's id (a snowflake decimal string).</summary>
    [JsonPropertyName("user_id")]
    public required string UserId { get; init; }

    bool IKiwiAnswer.IsWellFormed =>
        !string.IsNullOrEmpty(AccessToken) && !string.IsNullOrEmpty(RefreshToken) && !string.IsNullOrEmpty(UserId)
        && AccessTokenExpiresAt is > 0 and <= LastUnixSecond
        && RefreshTokenExpiresAt is > 0 and <= LastUnixSecond;
}
