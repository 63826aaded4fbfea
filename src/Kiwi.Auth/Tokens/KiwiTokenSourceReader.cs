using Kiwi.Auth.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Kiwi.Auth.Tokens;

/// <summary>
/// Finds the request's token in the sources <see cref="KiwiTokenSourceOptions"/> turns on, in kiwi-user's order:
/// the <c>access_token</c> cookie, then the <c>Authorization</c> header, then the <c>access_token</c> query
/// parameter on a listed path. A value from the cookie or the query string passes the same character checks as one
/// from the header. Several <c>access_token</c> cookies, like several query parameters, are refused: ASP.NET Core
/// keeps the last and kiwi-user the first, and a cookie planted by a sibling domain comes first.
/// </summary>
internal static class KiwiTokenSourceReader
{
    public static (TokenReadResult Read, KiwiTokenSource Source) Read(
        HttpRequest request, KiwiTokenSourceOptions sources)
    {
        if (sources.Cookie && request.Cookies.TryGetValue(KiwiTokenSourceOptions.ParameterName, out var cookie))
        {
            var read = HasSeveralTokenCookies(request)
                ? new TokenReadResult(null, TokenFailureReasons.Malformed)
                : Check(cookie);
            return (read, KiwiTokenSource.Cookie);
        }

        var header = BearerTokenReader.Read(request);
        if (!header.IsNone || request.Headers.ContainsKey(HeaderNames.Authorization) || !IsListed(request, sources))
        {
            return (header, header.IsNone ? KiwiTokenSource.None : KiwiTokenSource.Header);
        }

        return ReadQuery(request);
    }

    private static (TokenReadResult Read, KiwiTokenSource Source) ReadQuery(HttpRequest request)
    {
        var values = request.Query[KiwiTokenSourceOptions.ParameterName];
        return values.Count switch
        {
            0 => (TokenReadResult.None, KiwiTokenSource.None),
            1 => (Check(values[0]), KiwiTokenSource.QueryString),
            _ => (new TokenReadResult(null, TokenFailureReasons.Malformed), KiwiTokenSource.QueryString),
        };
    }

    /// <summary>Counted the way the request's cookie collection matches names, without case; the header is parsed
    /// only when the name occurs in it more than once.</summary>
    private static bool HasSeveralTokenCookies(HttpRequest request)
    {
        var headers = request.Headers.Cookie;
        var name = KiwiTokenSourceOptions.ParameterName;
        var occurrences = 0;
        foreach (var header in headers)
        {
            var text = header.AsSpan();
            for (var at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase); at >= 0 && occurrences < 2;)
            {
                occurrences++;
                text = text[(at + name.Length)..];
                at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase);
            }
        }

        return occurrences > 1
            && CookieHeaderValue.TryParseList(headers, out var cookies)
            && cookies.Count(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) > 1;
    }

    private static bool IsListed(HttpRequest request, KiwiTokenSourceOptions sources)
    {
        foreach (var path in sources.QueryStringPaths)
        {
            if (request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Same rule as the header: an empty value, white space or control characters are refused.</summary>
    private static TokenReadResult Check(string? value)
    {
        var token = value.AsSpan();
        if (token.IsEmpty || token.ContainsAnyInRange('\0', ' ') || token.Contains('\u007f'))
        {
            return new TokenReadResult(null, TokenFailureReasons.Malformed);
        }

        return new TokenReadResult(value, null);
    }
}
