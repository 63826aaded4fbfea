using System.Net.Mime;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kiwi.Auth.Endpoints;

/// <summary>
/// Answers with kiwi's success envelope, <c>{"status":"success","error":null,"data":...}</c>, so an API ported from
/// a Go service behind kiwi-user keeps its response shape.
/// </summary>
/// <remarks>
/// A plain value becomes <c>data</c>, serialized with the application's JSON options, under the status the handler
/// set (200 unless it set another); under a status it set that is not a 2xx with content, it is written unwrapped,
/// as minimal APIs write it, so a 401 the handler chose never turns into a success. An <see cref="IResult"/> runs
/// into a buffer first, so its status and headers (a 201's <c>Location</c>, say) stay as they are: a 2xx JSON body
/// becomes <c>data</c>, a 2xx text body a JSON string in <c>data</c>, an empty 200 <c>"data":null</c>. Anything else
/// (a 204, a non-2xx answer, a file or another content type) passes through unchanged, written to the response as it
/// comes (<see cref="EnvelopeBodyStream"/>), so a download or server-sent events are not held in memory.
/// </remarks>
internal sealed class KiwiEnvelopeResult(object? value) : IResult
{
    private static readonly byte[] Prefix = """{"status":"success","error":null,"data":"""u8.ToArray();

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);

        var response = httpContext.Response;
        return value switch
        {
            IResult result when response.HasStarted => result.ExecuteAsync(httpContext),
            IResult result => ExecuteBufferedAsync(httpContext, result),
            _ when IsWrapped(response.StatusCode) =>
                WriteAsync(response, response.StatusCode, Serialize(httpContext, value)),
            _ => WriteUnwrappedAsync(httpContext, value),
        };
    }

    /// <summary>Only a 2xx with content is a success to wrap; anything else keeps its status and shape.</summary>
    private static bool IsWrapped(int status) => status is >= 200 and <= 299 and not StatusCodes.Status204NoContent;

    /// <summary>A plain value under a status the handler set that is not wrapped (a 401 or 403, say): written as
    /// minimal APIs write it, text or JSON, never as a success.</summary>
    private static async Task WriteUnwrappedAsync(HttpContext context, object? data)
    {
        if (data is null)
        {
            return;
        }

        var response = context.Response;
        var (contentType, body) = data is string text
            ? ("text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text))
            : ("application/json; charset=utf-8", Serialize(context, data));
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static async Task ExecuteBufferedAsync(HttpContext context, IResult result)
    {
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var body = new EnvelopeBodyStream(context.Response, original.Stream);
        var bufferFeature = new StreamResponseBodyFeature(body, original);
        context.Features.Set<IHttpResponseBodyFeature>(bufferFeature);
        try
        {
            await result.ExecuteAsync(context);

            // Flushes what a result wrote through the pipe writer rather than the stream.
            await bufferFeature.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }

        if (body.PassedThrough)
        {
            return;
        }

        var buffer = body.Buffer;
        var response = context.Response;
        var data = DataOf(response, buffer);
        if (data is null)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(response.Body, context.RequestAborted);
            return;
        }

        await WriteAsync(response, response.StatusCode, data);
    }

    /// <summary>The JSON for <c>data</c>, or <see langword="null"/> when the answer passes through unchanged.
    /// </summary>
    private static byte[]? DataOf(HttpResponse response, MemoryStream buffer)
    {
        if (!IsWrapped(response.StatusCode))
        {
            return null;
        }

        if (buffer.Length == 0)
        {
            return "null"u8.ToArray();
        }

        var contentType = response.ContentType ?? "";
        if (IsJson(contentType))
        {
            return buffer.ToArray();
        }

        if (IsText(contentType))
        {
            var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            return JsonSerializer.SerializeToUtf8Bytes(text, KiwiEnvelopeJsonContext.Default.String);
        }

        return null;
    }

    /// <summary>Whether a body under the response's status and content type goes into <c>data</c>.</summary>
    internal static bool Wraps(HttpResponse response)
    {
        var contentType = response.ContentType ?? "";
        return IsWrapped(response.StatusCode) && (IsJson(contentType) || IsText(contentType));
    }

    private static bool IsJson(string contentType) =>
        contentType.StartsWith(MediaTypeNames.Application.Json, StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase);

    private static bool IsText(string contentType) =>
        contentType.StartsWith(MediaTypeNames.Text.Plain, StringComparison.OrdinalIgnoreCase);

    private static byte[] Serialize(HttpContext context, object? data)
    {
        if (data is null)
        {
            return "null"u8.ToArray();
        }

        var options = context.RequestServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions
            ?? JsonSerializerOptions.Web;
        return JsonSerializer.SerializeToUtf8Bytes(data, data.GetType(), options);
    }

    private static async Task WriteAsync(HttpResponse response, int statusCode, byte[] data)
    {
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = Prefix.Length + data.Length + 1;
        await response.Body.WriteAsync(Prefix, response.HttpContext.RequestAborted);
        await response.Body.WriteAsync(data, response.HttpContext.RequestAborted);
        await response.Body.WriteAsync("}"u8.ToArray(), response.HttpContext.RequestAborted);
    }
}
