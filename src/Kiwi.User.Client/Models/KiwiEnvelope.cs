using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models;

/// <summary>
/// kiwi-user's response envelope: <c>{"status":"success","error":null,"data":...}</c> on success,
/// <c>{"status":"error","error":{"code":...,"msg":...},"data":null}</c> on failure.
/// </summary>
/// <typeparam name="T">The type of the payload.</typeparam>
public sealed record KiwiEnvelope<T>
{
    /// <summary>Either <c>success</c> or <c>error</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The error; always present on the wire, <see langword="null"/> on success.</summary>
    [JsonPropertyName("error")]
    public KiwiError? Error { get; init; }

    /// <summary>The payload; <see langword="null"/> on error.</summary>
    [JsonPropertyName("data")]
    public T? Data { get; init; }
}

/// <summary>The error object inside kiwi-user's envelope.</summary>
/// <param name="Code">kiwi's error code, such as 20003 (see <see cref="KiwiErrorCodes"/>).</param>
/// <param name="Message">The message, such as <c>Forbidden: user not found</c>.</param>
public sealed record KiwiError(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("msg")] string Message);
