using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models.Requests;

/// <summary>Body of <c>POST /v1/login/wechat/miniprogram</c>.</summary>
/// <param name="ApplicationName">The application to log in to.</param>
/// <param name="Code">The login code WeChat gave the mini program.</param>
/// <param name="Device">The device the session belongs to.</param>
public sealed record WeChatMiniProgramLoginRequest(
    [property: JsonPropertyName("application_name")] string ApplicationName,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("device")] KiwiDevice Device)
{
    /// <summary>Where a new user came from; optional.</summary>
    [JsonPropertyName("referral_channel")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReferralChannel? ReferralChannel { get; init; }

    /// <summary>The code that lets kiwi-user read the user's phone number; optional.</summary>
    [JsonPropertyName("mini_program_phone_code")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MiniProgramPhoneCode { get; init; }
}
