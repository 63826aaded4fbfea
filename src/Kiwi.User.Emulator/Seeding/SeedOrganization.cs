using System.Text.Json.Serialization;

namespace Kiwi.User.Emulator;

/// <summary>An organization users can belong to and log in to.</summary>
public sealed record SeedOrganization
{
    /// <summary>The organization's id: a UUID (written lowercase and hyphenated).</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The application the organization belongs to.</summary>
    [JsonPropertyName("application")]
    public string Application { get; set; } = "";

    /// <summary>The organization's name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>One of <c>normal</c>, <c>advanced</c>, <c>premium</c>, <c>trial</c>, <c>unknown</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; set; } = "normal";

    /// <summary>The permission code.</summary>
    [JsonPropertyName("permission_code")]
    public string PermissionCode { get; set; } = "";

    /// <summary>When the plan was last refreshed, in unix seconds.</summary>
    [JsonPropertyName("refresh_at")]
    public long RefreshAt { get; init; }

    /// <summary>When the plan expires, in unix seconds.</summary>
    [JsonPropertyName("expires_at")]
    public long ExpiresAt { get; init; }

    /// <summary>The logo's address; <c>GET /internal/getCurrentInfos</c> returns it.</summary>
    [JsonPropertyName("logo_image_url")]
    public string LogoImageUrl { get; set; } = "";
}
