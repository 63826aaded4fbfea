using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models;

/// <summary>A user's profile as <c>GET /v1/user/info</c> and <c>POST /v1/token/verify</c> return it.</summary>
public sealed record KiwiUserInfo
{
    /// <summary>The user id (a snowflake decimal string).</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>The application the user belongs to.</summary>
    [JsonPropertyName("application")]
    public string Application { get; init; } = "";

    /// <summary>The display name when set, otherwise the user name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The avatar's URL.</summary>
    [JsonPropertyName("avatar")]
    public string Avatar { get; init; } = "";

    /// <summary>The bound phone number, or empty.</summary>
    [JsonPropertyName("phone")]
    public string Phone { get; init; } = "";

    /// <summary>The email of a Google binding, or empty.</summary>
    [JsonPropertyName("email")]
    public string Email { get; init; } = "";

    /// <summary>The personal role's name, or empty.</summary>
    [JsonPropertyName("personal_role")]
    public string PersonalRole { get; init; } = "";

    /// <summary>The personal role's scopes; <see langword="null"/> when the user has no personal role.</summary>
    [JsonPropertyName("personal_scopes")]
    public IReadOnlyList<string>? PersonalScopes { get; init; }

    /// <summary>The organization of the token, when the user belongs to any organization; otherwise empty.</summary>
    [JsonPropertyName("current_org_id")]
    public string CurrentOrganizationId { get; init; } = "";

    /// <summary>The user's organizations; <see langword="null"/> when there are none.</summary>
    [JsonPropertyName("orgs")]
    public IReadOnlyList<OrganizationMembership>? Organizations { get; init; }

    /// <summary>The user's department.</summary>
    [JsonPropertyName("department")]
    public string Department { get; init; } = "";
}
