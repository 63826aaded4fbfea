using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models.Requests;

/// <summary>Body of <c>POST /v1/user/logout</c>.</summary>
/// <param name="RefreshToken">The device's refresh token.</param>
/// <param name="Device">The device whose session ends.</param>
public sealed record LogoutRequest(
    [property: JsonPropertyName("refresh_token")] string RefreshToken,
    [property: JsonPropertyName("device")] KiwiDevice Device);
