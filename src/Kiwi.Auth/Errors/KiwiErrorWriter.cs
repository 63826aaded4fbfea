using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Kiwi.Auth.Errors;

/// <summary>
/// Writes kiwi's error envelope: <c>{"status":"error","error":{"code":...,"msg":...},"data":null}</c>.
/// </summary>
public static class KiwiErrorWriter
{
    /// <summary>Writes the envelope with the status that goes with the code.</summary>
    /// <param name="response">The response; its status is set here.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="code">kiwi's error code.</param>
    /// <param name="message">The message.</param>
    /// <returns>A task that completes when the body is written.</returns>
    public static Task WriteAsync(HttpResponse response, int statusCode, int code, string message)
    {
        ArgumentNullException.ThrowIfNull(response);

        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        return response.Body.WriteAsync(Serialize(code, message), response.HttpContext.RequestAborted).AsTask();
    }

    /// <summary>Serializes the envelope.</summary>
    /// <param name="code">kiwi's error code.</param>
    /// <param name="message">The message.</param>
    /// <returns>The UTF-8 JSON.</returns>
    public static ReadOnlyMemory<byte> Serialize(int code, string message)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("status", "error");
            writer.WriteStartObject("error");
            writer.WriteNumber("code", code);
            writer.WriteString("msg", message);
            writer.WriteEndObject();
            writer.WriteNull("data");
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }
}
