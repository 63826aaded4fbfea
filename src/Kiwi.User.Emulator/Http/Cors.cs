using Microsoft.AspNetCore.Http;

namespace Kiwi.User.Emulator.Http;

/// <summary>kiwi-user's CORS: any origin, any header, any method; preflights answered 204 on every path.</summary>
internal static class Cors
{
    private const string Methods = "GET,POST,PUT,PATCH,DELETE,HEAD,OPTIONS";

    /// <summary>Adds the CORS headers; true when the request was a preflight and has been answered.</summary>
    public static bool Handle(HttpContext context)
    {
        var request = context.Request;
        if (!request.Headers.ContainsKey("Origin"))
        {
            return false;
        }

        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = "*";
        if (!HttpMethods.IsOptions(request.Method) || !request.Headers.ContainsKey("Access-Control-Request-Method"))
        {
            return false;
        }

        headers.AccessControlAllowMethods = Methods;
        var requested = request.Headers.AccessControlRequestHeaders.ToString();
        headers.AccessControlAllowHeaders = requested.Length > 0 ? requested : "*";
        headers.AccessControlMaxAge = "43200";
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return true;
    }
}
