using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models;

/// <summary>The answer of <c>POST /v1/token/verify</c>.</summary>
/// <param name="Success">Whether kiwi-user accepted the token.</param>
/// <param name="UserInfo">The token's user when accepted; <see langword="null"/> otherwise.</param>
public sealed record TokenVerification(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("user_info")] KiwiUserInfo? UserInfo);
