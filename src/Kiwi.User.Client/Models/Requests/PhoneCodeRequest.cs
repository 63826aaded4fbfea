using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models.Requests;

/// <summary>Body of <c>POST /v1/login/phone/verify_code</c>: send an SMS code.</summary>
/// <param name="Phone">The phone number.</param>
public sealed record PhoneCodeRequest(
    [property: JsonPropertyName("phone")] string Phone);
