using System.Text;
using Kiwi.User.Client.Models;
using Kiwi.User.Emulator.Json;

namespace Kiwi.User.Emulator.Http;

/// <summary>kiwi-lib's response envelope and the answers every endpoint shares (contract sections 0 and 1).</summary>
internal static class KiwiResults
{
    private static readonly byte[] NotFoundText = Encoding.UTF8.GetBytes("404 page not found");

    public static EmulatorResponse Success(Action<GoJsonWriter> writeData)
    {
        var writer = new GoJsonWriter()
            .StartObject()
            .Property("status", "success")
            .Name("error").Null()
            .Name("data");
        writeData(writer);
        return new EmulatorResponse(200, EmulatorResponse.JsonContentType, writer.EndObject().ToUtf8());
    }

    /// <summary><c>{"success":true}</c>, kiwi's OperationResponse.</summary>
    public static EmulatorResponse Ok() => Success(w => w.StartObject().Property("success", true).EndObject());

    /// <summary>A "facade" error: the base message, then <c>": " + detail</c> when a detail is given.</summary>
    public static EmulatorResponse Error(int code, string? detail = null)
    {
        var message = KiwiErrorCodes.BaseMessage(code);
        if (!string.IsNullOrEmpty(detail))
        {
            message += ": " + detail;
        }

        var status = KiwiErrorCodes.HttpStatus(code);
        return new EmulatorResponse(status, EmulatorResponse.JsonContentType, Body(code, message));
    }

    /// <summary>
    /// A JSON bind or validation failure: bare <c>Bad Request</c>, and gin has already committed the status, so the
    /// Content-Type arrives as text/plain although the body is the envelope.
    /// </summary>
    public static EmulatorResponse BindFailure() =>
        new(400, EmulatorResponse.SniffedContentType, Body(KiwiErrorCodes.BadRequest, "Bad Request"));

    public static EmulatorResponse BadRequest(string? detail = null) => Error(KiwiErrorCodes.BadRequest, detail);

    public static EmulatorResponse Forbidden(string? detail = null) => Error(KiwiErrorCodes.Forbidden, detail);

    public static EmulatorResponse Unauthorized() => Error(KiwiErrorCodes.Unauthorized);

    public static EmulatorResponse InternalError(string? detail = null) => Error(KiwiErrorCodes.InternalError, detail);

    /// <summary>gin's answer for an unknown path or a wrong method: plain text, no envelope.</summary>
    public static EmulatorResponse NotFound() => new(404, EmulatorResponse.PlainContentType, NotFoundText);

    /// <summary>An error envelope for any HTTP status (fault injection), with kiwi's code for that status.</summary>
    public static EmulatorResponse ForStatus(int statusCode)
    {
        var code = statusCode switch
        {
            400 => KiwiErrorCodes.BadRequest,
            401 => KiwiErrorCodes.Unauthorized,
            403 => KiwiErrorCodes.Forbidden,
            404 => KiwiErrorCodes.NotFound,
            429 => KiwiErrorCodes.TooManyRequests,
            _ => KiwiErrorCodes.InternalError,
        };
        var body = Body(code, KiwiErrorCodes.BaseMessage(code));
        return new EmulatorResponse(statusCode, EmulatorResponse.JsonContentType, body);
    }

    private static byte[] Body(int code, string message) =>
        new GoJsonWriter()
            .StartObject()
            .Property("status", "error")
            .Name("error").StartObject().Property("code", code).Property("msg", message).EndObject()
            .Name("data").Null()
            .EndObject()
            .ToUtf8();
}
