using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models;

/// <summary>A user's membership of one organization, as listed in <see cref="KiwiUserInfo.Organizations"/>.</summary>
public sealed record OrganizationMembership
{
    /// <summary>The organization's id (a lowercase UUID).</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>The organization's name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>One of <c>normal</c>, <c>advanced</c>, <c>premium</c>, <c>trial</c>, <c>unknown</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; init; } = "";

    /// <summary>The organization's permission code.</summary>
    [JsonPropertyName("permission_code")]
    public string PermissionCode { get; init; } = "";

    /// <summary>When the organization's plan was last refreshed, in unix seconds.</summary>
    [JsonPropertyName("refresh_at")]
    public long RefreshAt { get; init; }

    /// <summary>When the organization's plan expires, in unix seconds.</summary>
    [JsonPropertyName("expires_at")]
    public long ExpiresAt { get; init; }

    /// <summary>The user's role in the organization.</summary>
    [JsonPropertyName("organization_role")]
    public string OrganizationRole { get; init; } = "";

    /// <summary>The scopes of that role.</summary>
    [JsonPropertyName("organization_scopes")]
    public IReadOnlyList<string> OrganizationScopes { get; init; } = [];
}
