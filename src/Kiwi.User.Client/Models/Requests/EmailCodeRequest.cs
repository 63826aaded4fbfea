using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models.Requests;

/// <summary>Body of <c>POST /v1/login/email/verify_code</c>: send an email code.</summary>
/// <param name="Email">The email address.</param>
/// <param name="CodeType">The code's purpose; <c>login</c> to log in.</param>
public sealed record EmailCodeRequest(
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("code_type")] string CodeType);
