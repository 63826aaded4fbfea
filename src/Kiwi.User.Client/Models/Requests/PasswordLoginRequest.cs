using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models.Requests;

/// <summary>Body of <c>POST /v1/login/password</c>.</summary>
/// <param name="ApplicationName">The application to log in to.</param>
/// <param name="UserName">The user name (sent as <c>name</c>).</param>
/// <param name="Password">The password.</param>
/// <param name="Device">The device the session belongs to.</param>
public sealed record PasswordLoginRequest(
    [property: JsonPropertyName("application_name")] string ApplicationName,
    [property: JsonPropertyName("name")] string UserName,
    [property: JsonPropertyName("password")] string Password,
    [property: JsonPropertyName("device")] KiwiDevice Device);
