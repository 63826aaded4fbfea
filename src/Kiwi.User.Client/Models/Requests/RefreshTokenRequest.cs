using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models.Requests;

/// <summary>Body of <c>POST /v1/token/refresh</c>.</summary>
/// <param name="UserId">The user id.</param>
/// <param name="RefreshToken">The device's refresh token.</param>
/// <param name="Device">The device the session belongs to.</param>
public sealed record RefreshTokenRequest(
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("refresh_token")] string RefreshToken,
    [property: JsonPropertyName("device")] KiwiDevice Device);
