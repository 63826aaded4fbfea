using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models.Requests;

/// <summary>Body of <c>POST /v1/login/organization</c>: switch a device's session into an organization.</summary>
/// <param name="OrganizationId">The organization's UUID.</param>
/// <param name="UserId">The user id.</param>
/// <param name="RefreshToken">The device's current refresh token.</param>
/// <param name="Device">The device whose session switches.</param>
public sealed record OrganizationLoginRequest(
    [property: JsonPropertyName("organization_id")] string OrganizationId,
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("refresh_token")] string RefreshToken,
    [property: JsonPropertyName("device")] KiwiDevice Device);
