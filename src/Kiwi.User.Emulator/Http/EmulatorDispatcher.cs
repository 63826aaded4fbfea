using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Kiwi.User.Emulator.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Kiwi.User.Emulator.Http;

/// <summary>
/// Every request's way through the emulator: trace id and CORS headers, control API, counters, faults, the route
/// (or gin's plain-text 404), and the answer. No request content makes it throw; a client that goes away
/// mid-request just ends it early.
/// </summary>
internal sealed class EmulatorDispatcher(EmulatorRuntime runtime, RouteTable routes, ControlApi control)
{
    private const string ControlPrefix = "/_emulator/";

    public async Task HandleAsync(HttpContext context)
    {
        context.Response.Headers["x-trace-id"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        if (Cors.Handle(context))
        {
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith(ControlPrefix, StringComparison.Ordinal))
        {
            await control.HandleAsync(context, path[ControlPrefix.Length..]);
            return;
        }

        runtime.Counters.Count(path);
        try
        {
            await HandleRouteAsync(context, path);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException
            && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (or a fault dropped it); there is no one left to answer.
        }
    }

    private async Task HandleRouteAsync(HttpContext context, string path)
    {
        var fault = runtime.Faults.Take(path);
        if (fault is not null)
        {
            runtime.Logger.FaultApplied(fault.Kind, context.Request.Method, path);
        }

        switch (fault?.Kind)
        {
            case EmulatorFaultKind.DropConnection:
                context.Abort();
                return;
            case EmulatorFaultKind.Status:
                await WriteAsync(context, KiwiResults.ForStatus(fault.StatusCode));
                return;
            case EmulatorFaultKind.Html:
                await WriteAsync(context, HtmlErrorPage(fault.StatusCode));
                return;
            case EmulatorFaultKind.Latency:
                await Task.Delay(fault.Latency, runtime.Time, context.RequestAborted);
                break;
        }

        var response = await RunAsync(context, path);
        if (fault?.Kind == EmulatorFaultKind.TruncatedBody)
        {
            await WriteTruncatedAsync(context, response);
            return;
        }

        await WriteAsync(context, response);
    }

    [SuppressMessage("Design", "CA1031", Justification = "Any failure becomes kiwi's 500 envelope, never a crash.")]
    private async Task<EmulatorResponse> RunAsync(HttpContext context, string path)
    {
        var method = context.Request.Method;
        var route = routes.Find(method, path);
        if (route is null)
        {
            return Redirect(method, path) ?? KiwiResults.NotFound();
        }

        var body = await ReadBodyAsync(context);
        if (body is null)
        {
            return KiwiResults.BindFailure();
        }

        try
        {
            var request = new EmulatorRequest(context, body);
            if (route.LocksItself)
            {
                return route.Handler(request);
            }

            lock (runtime.State.Gate)
            {
                return route.Handler(request);
            }
        }
        catch (Exception exception)
        {
            runtime.Logger.RequestFailed(exception, method, path);
            return KiwiResults.InternalError();
        }
    }

    private EmulatorResponse? Redirect(string method, string path)
    {
        var other = routes.TrailingSlashAlternative(method, path);
        if (other is null)
        {
            return null;
        }

        // gin answers 301 for GET and 307 otherwise; Go's http.Redirect writes a body only for GET.
        var isGet = method == HttpMethods.Get;
        var body = isGet ? Encoding.UTF8.GetBytes($"<a href=\"{other}\">Moved Permanently</a>.\n\n") : [];
        return new EmulatorResponse(isGet ? 301 : 307, isGet ? "text/html; charset=utf-8" : "", body)
        {
            Location = other,
        };
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            return buffer.ToArray();
        }
        catch (BadHttpRequestException)
        {
            return null;
        }
    }

    private static EmulatorResponse HtmlErrorPage(int statusCode)
    {
        var reason = ReasonPhrases.GetReasonPhrase(statusCode);
        var html = $"<html>\r\n<head><title>{statusCode} {reason}</title></head>\r\n<body>\r\n"
            + $"<center><h1>{statusCode} {reason}</h1></center>\r\n"
            + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return new EmulatorResponse(statusCode, "text/html", Encoding.UTF8.GetBytes(html));
    }

    private static async Task WriteAsync(HttpContext context, EmulatorResponse response)
    {
        WriteHead(context, response, response.Body.Length);
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    /// <summary>Announces the whole length, sends half, and cuts the connection: a reader sees a short body.</summary>
    private static async Task WriteTruncatedAsync(HttpContext context, EmulatorResponse response)
    {
        WriteHead(context, response, response.Body.Length);
        await context.Response.Body.WriteAsync(response.Body.AsMemory(0, response.Body.Length / 2));
        await context.Response.Body.FlushAsync();
        context.Abort();
    }

    private static void WriteHead(HttpContext context, EmulatorResponse response, long length)
    {
        context.Response.StatusCode = response.StatusCode;
        if (response.ContentType.Length > 0)
        {
            context.Response.ContentType = response.ContentType;
        }

        if (response.Location is not null)
        {
            context.Response.Headers.Location = response.Location;
        }

        context.Response.ContentLength = length;
    }
}
