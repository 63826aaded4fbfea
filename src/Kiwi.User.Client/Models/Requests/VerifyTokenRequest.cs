using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models.Requests;

/// <summary>Body of <c>POST /v1/token/verify</c>.</summary>
/// <param name="AccessToken">The access token to verify.</param>
public sealed record VerifyTokenRequest(
    [property: JsonPropertyName("access_token")] string AccessToken);
