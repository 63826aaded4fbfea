using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Kiwi.Auth;

/// <summary>
/// The context of <see cref="KiwiAuthEvents.OnForbidden"/>: an authenticated user is about to be answered 403.
/// Write your own answer and call <see cref="HandleResponse"/> to skip the default. The response's status is
/// already 403 when the event runs, so an answer that does not set one still refuses the request.
/// </summary>
public class KiwiForbiddenContext : PropertiesContext<KiwiAuthOptions>
{
    /// <summary>Creates the context.</summary>
    /// <param name="context">The request.</param>
    /// <param name="scheme">The scheme.</param>
    /// <param name="options">The scheme's options.</param>
    /// <param name="properties">The properties the forbid was called with.</param>
    /// <param name="requiredScopes">The scopes a failed scope requirement asked for; empty otherwise.</param>
    public KiwiForbiddenContext(
        HttpContext context, AuthenticationScheme scheme, KiwiAuthOptions options, AuthenticationProperties properties,
        IReadOnlyList<string> requiredScopes)
        : base(context, scheme, options, properties)
    {
        RequiredScopes = requiredScopes;
    }

    /// <summary>The scopes of the failed <c>RequireScope</c> requirement (RFC 6750 <c>insufficient_scope</c>);
    /// empty when the 403 has another cause, such as a role or an organization.</summary>
    public IReadOnlyList<string> RequiredScopes { get; }

    /// <summary>Whether the event wrote the answer itself.</summary>
    public bool Handled { get; private set; }

    /// <summary>Skips the default answer; call it after writing your own.</summary>
    public void HandleResponse() => Handled = true;
}
