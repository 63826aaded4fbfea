using System.Text.Json.Serialization;

namespace Kiwi.Auth;

/// <summary>kiwi's success envelope, with fixed member names whatever the application's naming policy.</summary>
/// <param name="Data">The answer's data.</param>
internal sealed record KiwiSuccessEnvelope([property: JsonPropertyName("data")] object? Data)
{
    [JsonPropertyName("status")]
    [JsonPropertyOrder(-2)]
    public string Status { get; } = "success";

    [JsonPropertyName("error")]
    [JsonPropertyOrder(-1)]
    public object? Error { get; }
}
