using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models.Requests;

/// <summary>Body of <c>POST /v1/user/organization_application/request</c>: ask to create an organization.</summary>
public sealed record OrganizationApplicationRequest
{
    /// <summary>The application the organization belongs to.</summary>
    [JsonPropertyName("application")]
    public string Application { get; init; } = "";

    /// <summary>The organization's name; required.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The brand's short name; required.</summary>
    [JsonPropertyName("brand_short_name")]
    public string BrandShortName { get; init; } = "";

    /// <summary>The main business; required.</summary>
    [JsonPropertyName("primary_business")]
    public string PrimaryBusiness { get; init; } = "";

    /// <summary>How the organization will use the application; required.</summary>
    [JsonPropertyName("usage_scenario")]
    public string UsageScenario { get; init; } = "";

    /// <summary>Who referred the organization.</summary>
    [JsonPropertyName("referrer_name")]
    public string ReferrerName { get; init; } = "";

    /// <summary>How the organization found the application.</summary>
    [JsonPropertyName("discovery_way")]
    public string DiscoveryWay { get; init; } = "";

    /// <summary>The role the requesting user takes; required.</summary>
    [JsonPropertyName("org_role_name")]
    public string OrganizationRoleName { get; init; } = "";
}
