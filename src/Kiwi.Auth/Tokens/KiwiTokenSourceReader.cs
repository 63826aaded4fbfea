using Kiwi.Auth.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Kiwi.Auth.Tokens;

/// <summary>
/// Finds the request's token in the sources <see cref="KiwiTokenSourceOptions"/> turns on, in kiwi-user's order:
/// the <c>access_token</c> cookie, then the <c>Authorization</c> header, then the <c>access_token</c> query
/// parameter on a listed path. A value from the cookie or the query string passes the same character checks as one
/// from the header.
/// </summary>
internal static class KiwiTokenSourceReader
{
    public static (TokenReadResult Read, KiwiTokenSource Source) Read(
        HttpRequest request, KiwiTokenSourceOptions sources)
    {
        if (sources.Cookie && request.Cookies.TryGetValue(KiwiTokenSourceOptions.ParameterName, out var cookie))
        {
            return (Check(cookie), KiwiTokenSource.Cookie);
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
