using Kiwi.User.Emulator.Tokens;
using Microsoft.AspNetCore.Http;

namespace Kiwi.User.Emulator.Internal;

/// <summary>
/// Reads and checks the caller's access token the way kiwi-user's middleware does (contract section 3).
/// </summary>
internal static class AccessTokenReader
{
    private const string CookieName = "access_token";

    /// <summary>The token's claims when it passes; null means 401. No database lookup, as in kiwi-user.</summary>
    public static AccessClaims? Authenticate(HttpRequest request, EmulatorRuntime runtime)
    {
        var token = ReadToken(request);
        if (token is null)
        {
            return null;
        }

        var check = KiwiTokenFormat.Check(token, runtime.Key, runtime.Now, out var claims);
        return check == TokenCheck.Valid ? claims : null;
    }

    /// <summary>The cookie wins whenever it is present, even empty; otherwise exactly "scheme token".</summary>
    public static string? ReadToken(HttpRequest request)
    {
        var cookie = ReadCookie(request);
        if (cookie is not null)
        {
            return cookie;
        }

        var header = request.Headers.Authorization.FirstOrDefault();
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        var fields = header.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 2)
        {
            return null;
        }

        var scheme = fields[0].ToUpperInvariant();
        return scheme is "BEARER" or "JWT" ? fields[1] : null;
    }

    /// <summary>
    /// The first <c>access_token</c> cookie as Go reads it: an empty value counts, surrounding quotes are dropped,
    /// and gin query-unescapes the value (one that does not unescape counts as absent).
    /// </summary>
    private static string? ReadCookie(HttpRequest request)
    {
        foreach (var header in request.Headers.Cookie)
        {
            foreach (var part in (header ?? "").Split(';'))
            {
                var pair = part.Trim();
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0 && pair.AsSpan(0, equals).SequenceEqual(CookieName))
                {
                    return QueryUnescape(pair[(equals + 1)..]);
                }
            }
        }

        return null;
    }

    private static string? QueryUnescape(string value)
    {
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        try
        {
            return Uri.UnescapeDataString(value.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return null;
        }
    }
}
