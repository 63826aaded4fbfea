using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models.Requests;

/// <summary>Body of <c>POST /v1/login/email</c>.</summary>
/// <param name="ApplicationName">The application to log in to.</param>
/// <param name="Email">The email address.</param>
/// <param name="VerifyCode">The code the email carried.</param>
/// <param name="Device">The device the session belongs to.</param>
public sealed record EmailLoginRequest(
    [property: JsonPropertyName("application_name")] string ApplicationName,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("verify_code")] string VerifyCode,
    [property: JsonPropertyName("device")] KiwiDevice Device);
