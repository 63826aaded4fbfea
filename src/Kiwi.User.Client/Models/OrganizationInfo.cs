using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models;

/// <summary>What <c>POST /internal/organization/infos</c> tells about an organization.</summary>
public sealed record OrganizationInfo
{
    /// <summary>The organization's id (a lowercase UUID).</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>The application the organization belongs to.</summary>
    [JsonPropertyName("application")]
    public string Application { get; init; } = "";

    /// <summary>The organization's name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>One of <c>normal</c>, <c>advanced</c>, <c>premium</c>, <c>trial</c>, <c>unknown</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "";

    /// <summary>The permission code.</summary>
    [JsonPropertyName("permission_code")]
    public string PermissionCode { get; init; } = "";

    /// <summary>When the plan was last refreshed, in unix seconds.</summary>
    [JsonPropertyName("refresh_at")]
    public long RefreshAt { get; init; }

    /// <summary>When the plan expires, in unix seconds.</summary>
    [JsonPropertyName("expires_at")]
    public long ExpiresAt { get; init; }

    /// <summary>The logo's URL.</summary>
    [JsonPropertyName("logo_image_url")]
    public string LogoImageUrl { get; init; } = "";
}
