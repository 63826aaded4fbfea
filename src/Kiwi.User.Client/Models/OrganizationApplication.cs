using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models;

/// <summary>One of the user's requests to create an organization, with its review status.</summary>
public sealed record OrganizationApplication
{
    /// <summary>The organization's name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The brand's short name.</summary>
    [JsonPropertyName("brand_short_name")]
    public string BrandShortName { get; init; } = "";

    /// <summary>The main business.</summary>
    [JsonPropertyName("primary_business")]
    public string PrimaryBusiness { get; init; } = "";

    /// <summary>How the organization will use the application.</summary>
    [JsonPropertyName("usage_scenario")]
    public string UsageScenario { get; init; } = "";

    /// <summary>Who referred the organization.</summary>
    [JsonPropertyName("referrer_name")]
    public string ReferrerName { get; init; } = "";

    /// <summary>How the organization found the application.</summary>
    [JsonPropertyName("discovery_way")]
    public string DiscoveryWay { get; init; } = "";

    /// <summary>One of <c>pending</c>, <c>approved</c>, <c>reject</c>, <c>unknown</c>.</summary>
    [JsonPropertyName("review_status")]
    public string ReviewStatus { get; init; } = "";

    /// <summary>Always empty in kiwi-user's answers.</summary>
    [JsonPropertyName("org_role_name")]
    public string OrganizationRoleName { get; init; } = "";
}
