using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models.Requests;

/// <summary>
/// The JSON text carried in the <c>state</c> query parameter of <c>/v1/login/wechat/web</c>.
/// </summary>
/// <param name="ApplicationName">The application to log in to.</param>
/// <param name="Device">The device the session belongs to.</param>
/// <param name="Platform">The platform the login comes from.</param>
public sealed record WeChatWebLoginState(
    [property: JsonPropertyName("application_name")] string ApplicationName,
    [property: JsonPropertyName("device")] KiwiDevice Device,
    [property: JsonPropertyName("platform")] string Platform)
{
    /// <summary>Where a new user came from; optional.</summary>
    [JsonPropertyName("referral_channel")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReferralChannel? ReferralChannel { get; init; }
}
