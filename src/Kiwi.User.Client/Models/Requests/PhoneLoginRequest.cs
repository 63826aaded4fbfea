using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models.Requests;

/// <summary>Body of <c>POST /v1/login/phone</c>.</summary>
/// <param name="ApplicationName">The application to log in to.</param>
/// <param name="Phone">The phone number.</param>
/// <param name="VerifyCode">The code the SMS carried.</param>
/// <param name="Device">The device the session belongs to.</param>
public sealed record PhoneLoginRequest(
    [property: JsonPropertyName("application_name")] string ApplicationName,
    [property: JsonPropertyName("phone")] string Phone,
    [property: JsonPropertyName("verify_code")] string VerifyCode,
    [property: JsonPropertyName("device")] KiwiDevice Device);
