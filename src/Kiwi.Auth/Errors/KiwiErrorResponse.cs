using System.Globalization;
using System.Text;
using Kiwi.User.Client.Models;
using Microsoft.AspNetCore.Http;

namespace Kiwi.Auth.Errors;

/// <summary>One error answer, before it is given a format: status, kiwi's code and message, and the RFC 6750
/// <c>WWW-Authenticate</c> challenge and <c>Retry-After</c> that go with it.</summary>
internal sealed record KiwiErrorResponse(int StatusCode, int Code, string Message)
{
    public const string InvalidToken = "invalid_token";

    public const string InsufficientScope = "insufficient_scope";

    /// <summary>The RFC 6750 <c>error</c>, when there is one.</summary>
    public string? BearerError { get; init; }

    public string? WwwAuthenticate { get; init; }

    public string? RetryAfter { get; init; }

    /// <summary>No token is a bare <c>Bearer</c> challenge; a refused one says why.</summary>
    public static KiwiErrorResponse Unauthorized(string? reason) => reason is null
        ? new(StatusCodes.Status401Unauthorized, KiwiErrorCodes.Unauthorized, "Unauthorized")
        {
            WwwAuthenticate = "Bearer",
        }
        : new(StatusCodes.Status401Unauthorized, KiwiErrorCodes.Unauthorized, $"Unauthorized: {reason}")
        {
            BearerError = InvalidToken,
            WwwAuthenticate = Challenge(InvalidToken, reason, scope: null),
        };

    /// <summary>503, never 401: front ends clear their tokens on a 401, and an outage must not log users out.
    /// </summary>
    public static KiwiErrorResponse Unavailable(string reason, TimeSpan retryAfter) =>
        new(StatusCodes.Status503ServiceUnavailable, KiwiErrorCodes.InternalError, $"Service Unavailable: {reason}")
        {
            RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
        };

    public static KiwiErrorResponse Forbidden(string message) =>
        new(StatusCodes.Status403Forbidden, KiwiErrorCodes.Forbidden, message);

    public static KiwiErrorResponse ScopeMissing(IReadOnlyList<string> scopes) =>
        new(StatusCodes.Status403Forbidden, KiwiErrorCodes.Forbidden, "Forbidden: insufficient scope")
        {
            BearerError = InsufficientScope,
            WwwAuthenticate = Challenge(
                InsufficientScope, "The token lacks a required scope.", string.Join(' ', scopes)),
        };

    /// <summary>RFC 6750 section 3: <c>error_description</c> and <c>scope</c> are quoted strings that may hold
    /// neither a quote nor a backslash nor anything outside printable ASCII.</summary>
    private static string Challenge(string error, string description, string? scope)
    {
        var builder = new StringBuilder("Bearer error=\"").Append(error).Append("\", error_description=\"");
        AppendQuotable(builder, description);
        builder.Append('"');
        if (scope is not null)
        {
            builder.Append(", scope=\"");
            AppendQuotable(builder, scope);
            builder.Append('"');
        }

        return builder.ToString();
    }

    private static void AppendQuotable(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            builder.Append(c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '?');
        }
    }
}
