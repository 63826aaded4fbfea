using Kiwi.User.Emulator.Tokens;
using Microsoft.AspNetCore.Http;

namespace Kiwi.User.Emulator.Internal;

/// <summary>
/// Reads and checks the caller's access token the way kiwi-user's middleware does (contract section 3).
/// </summary>
internal static class AccessTokenReader
{
    private const string CookieName = "access_token";

    // textproto.TrimString: Go trims only ASCII space, tab, CR and LF around cookie parts and names.
    private static readonly char[] GoSpace = [' ', '\t', '\r', '\n'];

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
    /// The first <c>access_token</c> cookie as Go's net/http finds it: names are trimmed, a part without <c>=</c> is
    /// an empty value, and a value with a byte Go refuses (control, non-ASCII, <c>"</c>, <c>\</c>) is skipped as if
    /// absent. gin then query-unescapes the value; one that does not unescape is read as empty, not as absent.
    /// </summary>
    private static string? ReadCookie(HttpRequest request)
    {
        foreach (var header in request.Headers.Cookie)
        {
            foreach (var part in (header ?? "").Split(';'))
            {
                var (name, value) = Cut(part.Trim(GoSpace));
                if (name.Trim(GoSpace) == CookieName && TryParseValue(value, out var raw))
                {
                    return QueryUnescape(raw);
                }
            }
        }

        return null;
    }

    private static (string Name, string Value) Cut(string part)
    {
        var equals = part.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (part, "") : (part[..equals], part[(equals + 1)..]);
    }

    /// <summary>Go's parseCookieValue: surrounding quotes dropped, then every byte must be a cookie-octet.</summary>
    private static bool TryParseValue(string value, out string raw)
    {
        raw = value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
        return raw.All(c => c is >= ' ' and < '\u007f' and not ('"' or ';' or '\\'));
    }

    /// <summary>Go's url.QueryUnescape, with gin's reading of a failure as an empty value.</summary>
    private static string QueryUnescape(string value)
    {
        var text = value.Replace('+', ' ');
        for (var i = text.IndexOf('%', StringComparison.Ordinal); i >= 0; i = text.IndexOf('%', i + 1))
        {
            if (i + 2 >= text.Length || !Uri.IsHexDigit(text[i + 1]) || !Uri.IsHexDigit(text[i + 2]))
            {
                return "";
            }
        }

        return Uri.UnescapeDataString(text);
    }
}
