using Kiwi.Auth.Validation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Kiwi.Auth;

/// <summary>
/// The context of <see cref="KiwiAuthEvents.OnAuthenticationFailed"/>: a token was refused (401) or could not be
/// checked (503). Leave it as it is for the default answer; <c>Success</c> or <c>NoResult</c> decide otherwise.
/// </summary>
public class KiwiAuthenticationFailedContext : ResultContext<KiwiAuthOptions>
{
    /// <summary>Creates the context.</summary>
    /// <param name="context">The request.</param>
    /// <param name="scheme">The scheme.</param>
    /// <param name="options">The scheme's options.</param>
    /// <param name="verdict">The verdict: <see cref="TokenVerdictKind.Invalid"/> or
    /// <see cref="TokenVerdictKind.Unavailable"/>.</param>
    /// <param name="exception">The failure the result carries; its message is the verdict's reason.</param>
    public KiwiAuthenticationFailedContext(
        HttpContext context, AuthenticationScheme scheme, KiwiAuthOptions options, TokenVerdict verdict,
        Exception exception)
        : base(context, scheme, options)
    {
        Verdict = verdict;
        Exception = exception;
    }

    /// <summary>Why the token was not accepted; its reason never holds the token.</summary>
    public TokenVerdict Verdict { get; }

    /// <summary>The failure the authentication result carries.</summary>
    public Exception Exception { get; }
}
