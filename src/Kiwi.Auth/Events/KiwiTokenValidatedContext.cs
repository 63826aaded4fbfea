using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Kiwi.Auth;

/// <summary>
/// The context of <see cref="KiwiAuthEvents.OnTokenValidated"/>. <see cref="ResultContext{TOptions}.Principal"/>
/// holds the user's claims: add to it, replace it, or call <c>Fail</c> to turn the request away with 401.
/// </summary>
public class KiwiTokenValidatedContext : ResultContext<KiwiAuthOptions>
{
    /// <summary>Creates the context.</summary>
    /// <param name="context">The request.</param>
    /// <param name="scheme">The scheme.</param>
    /// <param name="options">The scheme's options.</param>
    /// <param name="user">The validated user.</param>
    /// <param name="principal">The principal built from the user.</param>
    public KiwiTokenValidatedContext(
        HttpContext context, AuthenticationScheme scheme, KiwiAuthOptions options, KiwiUser user,
        ClaimsPrincipal principal)
        : base(context, scheme, options)
    {
        User = user;
        Principal = principal;
    }

    /// <summary>The user the token belongs to.</summary>
    public KiwiUser User { get; }
}
