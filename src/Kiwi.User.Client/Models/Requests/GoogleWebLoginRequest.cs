using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models.Requests;

/// <summary>Body of <c>POST /v1/login/google/web</c>.</summary>
/// <param name="ApplicationName">The application to log in to.</param>
/// <param name="Code">The OAuth authorization code Google returned.</param>
/// <param name="RedirectUri">The redirect URI the code was issued for.</param>
/// <param name="Device">The device the session belongs to.</param>
public sealed record GoogleWebLoginRequest(
    [property: JsonPropertyName("application_name")] string ApplicationName,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("redirect_uri")] string RedirectUri,
    [property: JsonPropertyName("device")] KiwiDevice Device)
{
    /// <summary>Where a new user came from; optional.</summary>
    [JsonPropertyName("referral_channel")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReferralChannel? ReferralChannel { get; init; }
}
