using Kiwi.Auth.Validation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Kiwi.Auth;

/// <summary>
/// The context of <see cref="KiwiAuthEvents.OnChallenge"/>: the request is about to be answered 401 (no token, or
/// an invalid one) or 503 (kiwi-user could not give a verdict). Write your own answer and call
/// <see cref="HandleResponse"/> to skip the default. The response's status is already <see cref="StatusCode"/>
/// when the event runs, so an answer that does not set one still refuses the request.
/// </summary>
public class KiwiChallengeContext : PropertiesContext<KiwiAuthOptions>
{
    /// <summary>Creates the context.</summary>
    /// <param name="context">The request.</param>
    /// <param name="scheme">The scheme.</param>
    /// <param name="options">The scheme's options.</param>
    /// <param name="properties">The challenge's properties.</param>
    /// <param name="statusCode">The status the default answer has: 401 or 503.</param>
    /// <param name="verdict">The verdict, or <see langword="null"/> when the request had no token.</param>
    public KiwiChallengeContext(
        HttpContext context, AuthenticationScheme scheme, KiwiAuthOptions options, AuthenticationProperties properties,
        int statusCode, TokenVerdict? verdict)
        : base(context, scheme, options, properties)
    {
        StatusCode = statusCode;
        Verdict = verdict;
    }

    /// <summary>The status of the default answer: 401, or 503 when kiwi-user could not give a verdict.</summary>
    public int StatusCode { get; }

    /// <summary>Why the token was refused, or <see langword="null"/> when the request had none.</summary>
    public TokenVerdict? Verdict { get; }

    /// <summary>Whether the event wrote the answer itself.</summary>
    public bool Handled { get; private set; }

    /// <summary>Skips the default answer; call it after writing your own.</summary>
    public void HandleResponse() => Handled = true;
}
