using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models.Requests;

/// <summary>Body of <c>PUT /v1/user/info</c>. Empty display name or avatar leave them unchanged.</summary>
public sealed record UpdateUserInfoRequest
{
    /// <summary>The new display name; empty keeps the current one.</summary>
    [JsonPropertyName("display_name")]
    public string DisplayName { get; init; } = "";

    /// <summary>An <c>http(s)://</c> URL, or raw base64 image bytes to upload; empty keeps the current one.</summary>
    [JsonPropertyName("avatar")]
    public string Avatar { get; init; } = "";

    /// <summary>The department; always overwritten, so empty clears it.</summary>
    [JsonPropertyName("department")]
    public string Department { get; init; } = "";
}
