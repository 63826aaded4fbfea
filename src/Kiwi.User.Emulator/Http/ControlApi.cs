using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Kiwi.User.Emulator.Json;
using Kiwi.User.Emulator.Seeding;
using Microsoft.AspNetCore.Http;

namespace Kiwi.User.Emulator.Http;

/// <summary>
/// The control API under <c>/_emulator/</c> (docs/emulator.md). It is not kiwi-user: answers are plain JSON
/// (<c>{"ok":true}</c>, <c>{"error":"..."}</c>), never counted and never faulted.
/// </summary>
internal sealed class ControlApi(EmulatorControl control)
{
    [SuppressMessage("Design", "CA1031", Justification = "Bad control input is answered 400, never a crash.")]
    public async Task HandleAsync(HttpContext context, string route)
    {
        EmulatorResponse response;
        try
        {
            var body = await ReadBodyAsync(context);
            response = Dispatch(context.Request.Method, route, body);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidDataException
            or FormatException or InvalidOperationException or BadHttpRequestException)
        {
            response = Answer(400, w => w.Property("error", exception.Message));
        }

        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        context.Response.ContentLength = response.Body.Length;
        try
        {
            await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; nothing to answer.
        }
    }

    private EmulatorResponse Dispatch(string method, string route, byte[] body)
    {
        var (head, rest) = Split(route);
        return (method, head) switch
        {
            ("POST", "reset") when rest.Length == 0 => Done(control.Reset),
            ("GET", "counters") => Counters(),
            ("DELETE", "counters") => Done(control.ResetCounters),
            ("GET", "faults") => Faults(),
            ("POST", "faults") => Done(() => control.InjectFault(ControlBodies.ReadFault(body))),
            ("DELETE", "faults") => Done(control.ClearFaults),
            ("GET", "codes") when rest.Length > 0 => Code(Uri.UnescapeDataString(rest)),
            ("POST", "users") => Done(() => control.AddUser(ReadUser(body))),
            ("DELETE", "users") when rest.Length > 0 => RemoveUser(Uri.UnescapeDataString(rest)),
            ("POST", "signing-key") when rest == "rotate" => RotateKey(),
            ("GET", "public-key") => Answer(200, w => w.Property("public_key", control.PublicKeyPem)),
            ("POST", "tokens") => IssueToken(body),
            ("GET", "avatars") when rest.Length > 0 => Avatar(rest),
            _ => Answer(404, w => w.Property("error", "unknown control route " + method + " /_emulator/" + route)),
        };
    }

    private EmulatorResponse Counters()
    {
        var counts = control.RequestCounts();
        return Answer(200, w =>
        {
            foreach (var (path, count) in counts)
            {
                w.Property(path, count);
            }
        });
    }

    private EmulatorResponse Faults()
    {
        var writer = new GoJsonWriter().StartArray();
        foreach (var fault in control.Faults)
        {
            ControlBodies.WriteFault(writer, fault);
        }

        return new EmulatorResponse(200, EmulatorResponse.JsonContentType, writer.EndArray().ToUtf8());
    }

    private EmulatorResponse Code(string address)
    {
        var code = control.LastVerificationCode(address);
        return code is null
            ? Answer(404, w => w.Property("error", "no code was sent to " + address))
            : Answer(200, w => w.Property("code", code));
    }

    private EmulatorResponse RemoveUser(string userId) =>
        control.RemoveUser(userId)
            ? Answer(200, w => w.Property("ok", true))
            : Answer(404, w => w.Property("error", "no user " + userId));

    private EmulatorResponse Avatar(string name) =>
        control.Avatar(name) is { } image
            ? new EmulatorResponse(200, "application/octet-stream", image)
            : Answer(404, w => w.Property("error", "no avatar " + name));

    private EmulatorResponse RotateKey()
    {
        control.RotateSigningKey();
        return Answer(200, w => w.Property("public_key", control.PublicKeyPem));
    }

    private EmulatorResponse IssueToken(byte[] body)
    {
        var request = ControlBodies.ReadTokenRequest(body);
        var token = control.IssueAccessToken(
            request.UserId, request.DeviceType, request.DeviceId, request.OrganizationId, request.Lifetime);
        return Answer(200, w => w.Property("access_token", token));
    }

    private static SeedUser ReadUser(byte[] body) =>
        JsonSerializer.Deserialize(body, EmulatorJsonContext.Default.SeedUser)
            ?? throw new InvalidDataException("The user JSON is null.");

    private static EmulatorResponse Done(Action action)
    {
        action();
        return Answer(200, w => w.Property("ok", true));
    }

    private static EmulatorResponse Answer(int status, Action<GoJsonWriter> writeFields)
    {
        var writer = new GoJsonWriter().StartObject();
        writeFields(writer);
        return new EmulatorResponse(status, EmulatorResponse.JsonContentType, writer.EndObject().ToUtf8());
    }

    private static (string Head, string Tail) Split(string route)
    {
        var slash = route.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (route, "") : (route[..slash], route[(slash + 1)..]);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }
}
