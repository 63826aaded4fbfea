using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models;

/// <summary>The answer of <c>GET /internal/getCurrentInfos</c> for the token's organization.</summary>
/// <param name="LogoImageUrl">The organization's logo URL, or empty.</param>
public sealed record CurrentOrganizationInfo(
    [property: JsonPropertyName("logo_image_url")] string LogoImageUrl);
