using Kiwi.Auth.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Kiwi.Auth.Tokens;

/// <summary>What reading the request's credentials found.</summary>
/// <param name="Token">The raw token, when one was sent.</param>
/// <param name="Failure">Why the credentials were rejected before parsing, when they were.</param>
internal readonly record struct TokenReadResult(string? Token, string? Failure)
{
    public static TokenReadResult None => default;

    public bool IsNone => Token is null && Failure is null;
}

/// <summary>
/// Reads <c>Authorization: Bearer &lt;token&gt;</c> (kiwi-user's <c>JWT</c> scheme too), scheme compared without
/// case and surrounding white space trimmed. Any other scheme is left to other handlers. Several
/// <c>Authorization</c> headers are refused (401): which one a proxy or another handler would pick is unclear, and
/// that ambiguity is how requests get smuggled past checks. A token holding white space or control characters is
/// refused too.
/// </summary>
internal static class BearerTokenReader
{
    public static TokenReadResult Read(HttpRequest request)
    {
        var values = request.Headers[HeaderNames.Authorization];
        if (values.Count == 0)
        {
            return TokenReadResult.None;
        }

        if (values.Count > 1)
        {
            return new TokenReadResult(null, TokenFailureReasons.SeveralAuthorizationHeaders);
        }

        return ReadValue(values[0].AsSpan().Trim());
    }

    private static TokenReadResult ReadValue(ReadOnlySpan<char> value)
    {
        var space = value.IndexOfAny(' ', '\t');
        var scheme = space < 0 ? value : value[..space];
        if (!IsOurScheme(scheme))
        {
            return TokenReadResult.None;
        }

        // "Bearer" with nothing after it is a broken attempt at our scheme, as kiwi-user treats it.
        var token = space < 0 ? default : value[(space + 1)..].Trim();
        if (token.IsEmpty || token.ContainsAnyInRange('\0', ' ') || token.Contains('\u007f'))
        {
            return new TokenReadResult(null, TokenFailureReasons.Malformed);
        }

        return new TokenReadResult(token.ToString(), null);
    }

    private static bool IsOurScheme(ReadOnlySpan<char> scheme) =>
        scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
        || scheme.Equals("JWT", StringComparison.OrdinalIgnoreCase);
}
