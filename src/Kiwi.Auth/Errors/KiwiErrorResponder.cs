using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Kiwi.Auth.Errors;

/// <summary>
/// Writes every 401, 403 and 503 of Kiwi.Auth (handler, authorization result handler, endpoint filter) in the
/// configured <see cref="KiwiErrorFormat"/>, with its <c>WWW-Authenticate</c> and <c>Retry-After</c>.
/// </summary>
internal static class KiwiErrorResponder
{
    private const string ProblemContentType = "application/problem+json";

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
    /// <c>application/problem+json</c>. A service that throws must not turn the refusal into a 500: the plain
    /// problem is written then, without the service, unless it had started the response.</summary>
    private static async Task WriteProblemAsync(HttpContext context, KiwiErrorResponse error)
    {
        var service = context.RequestServices.GetService<IProblemDetailsService>();
        try
        {
            var problemContext = new ProblemDetailsContext { HttpContext = context, ProblemDetails = Problem(error) };
            if (service is not null && await service.TryWriteAsync(problemContext))
            {
                return;
            }
        }
#pragma warning disable CA1031 // The application's writer must not turn a 401, 403 or 503 into a 500.
        catch (Exception exception) when (service is not null && !context.RequestAborted.IsCancellationRequested)
#pragma warning restore CA1031
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(KiwiErrorResponder))
                .ProblemDetailsWriteFailed(exception, error.StatusCode);
            if (context.Response.HasStarted)
            {
                return;
            }

            var problem = Problem(error);
            await TypedResults.Json(problem, contentType: ProblemContentType, statusCode: error.StatusCode)
                .ExecuteAsync(context);
            return;
        }

        await TypedResults.Problem(Problem(error)).ExecuteAsync(context);
    }

    private static ProblemDetails Problem(KiwiErrorResponse error)
    {
        var problem = new ProblemDetails { Status = error.StatusCode, Detail = error.Message };
        problem.Extensions["code"] = error.Code;
        if (error.BearerError is { } bearerError)
        {
            problem.Extensions["error"] = bearerError;
        }

        return problem;
    }
}
