using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Kiwi.Auth.Errors;

/// <summary>
/// Writes every 401, 403 and 503 of Kiwi.Auth (handler, authorization result handler, endpoint filter) in the
/// configured <see cref="KiwiErrorFormat"/>, with its <c>WWW-Authenticate</c> and <c>Retry-After</c>.
/// </summary>
internal static class KiwiErrorResponder
{
    public static async Task WriteAsync(HttpContext context, KiwiErrorResponse error, KiwiErrorFormat format)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            // Something (an event, say) already sent the status and headers; writing them now would throw.
            return;
        }

        response.StatusCode = error.StatusCode;
        if (error.WwwAuthenticate is { } challenge)
        {
            response.Headers[HeaderNames.WWWAuthenticate] = challenge;
        }

        if (error.RetryAfter is { } retryAfter)
        {
            response.Headers[HeaderNames.RetryAfter] = retryAfter;
        }

        if (format == KiwiErrorFormat.ProblemDetails)
        {
            await WriteProblemAsync(context, error);
            return;
        }

        await KiwiErrorWriter.WriteAsync(response, error.StatusCode, error.Code, error.Message);
    }

    /// <summary>Through the application's <see cref="IProblemDetailsService"/> when it has one, so that its
    /// customizations apply; otherwise (or when it declines, say for an <c>Accept</c> it cannot serve) as plain
    /// <c>application/problem+json</c>.</summary>
    private static async Task WriteProblemAsync(HttpContext context, KiwiErrorResponse error)
    {
        var problem = new ProblemDetails { Status = error.StatusCode, Detail = error.Message };
        problem.Extensions["code"] = error.Code;
        if (error.BearerError is { } bearerError)
        {
            problem.Extensions["error"] = bearerError;
        }

        var service = context.RequestServices.GetService<IProblemDetailsService>();
        var problemContext = new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem };
        if (service is not null && await service.TryWriteAsync(problemContext))
        {
            return;
        }

        await TypedResults.Problem(problem).ExecuteAsync(context);
    }
}
