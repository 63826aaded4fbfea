using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models.Requests;

/// <summary>Body of <c>POST /v1/login/email/verify_code</c>: send an email code.</summary>
/// <param name="Email">The email address.</param>
/// <param name="CodeType">The code's purpose; <c>login</c> to log in.</param>
public sealed record EmailCodeRequest(
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("code_type")] string CodeType)
{
    /// <summary>The code type for a login code, the only one kiwi-user can use: <c>login</c>.</summary>
    public const string LoginCodeType = "login";

    /// <summary>Creates a request for a login code.</summary>
    /// <param name="email">The email address.</param>
    public EmailCodeRequest(string email)
        : this(email, LoginCodeType)
    {
    }
}
