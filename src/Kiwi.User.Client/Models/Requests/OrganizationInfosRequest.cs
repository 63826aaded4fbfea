using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models.Requests;

/// <summary>Body of <c>POST /internal/organization/infos</c>.</summary>
/// <param name="OrganizationIds">The organization UUIDs to look up.</param>
public sealed record OrganizationInfosRequest(
    [property: JsonPropertyName("org_ids")] IReadOnlyList<string> OrganizationIds);
