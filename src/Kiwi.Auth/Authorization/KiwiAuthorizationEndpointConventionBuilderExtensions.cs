using Kiwi.Auth;
using Microsoft.AspNetCore.Authorization;

#pragma warning disable IDE0130 // Extension methods live beside MapGet so that they are found without a using.
namespace Microsoft.AspNetCore.Builder;
#pragma warning restore IDE0130

/// <summary>Scope and organization requirements on endpoints and groups.</summary>
public static class KiwiAuthorizationEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Requires a Kiwi user whose role has every one of <paramref name="scopes"/>: no user is 401, a missing scope
    /// 403 with kiwi's envelope and <c>WWW-Authenticate: Bearer error="insufficient_scope"</c>.
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint builder's type.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="scopes">The scopes; at least one.</param>
    /// <returns>The same builder.</returns>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, params string[] scopes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.RequireAuthorization(KiwiPolicy().RequireKiwiScope(scopes).Build());
    }

    /// <summary>
    /// Requires the session to be in an organization and, with <paramref name="routeValueName"/>, in the one the
    /// route names (for example <c>/orgs/{orgId}/...</c> with <c>"orgId"</c>).
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint builder's type.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="routeValueName">The route value, or <see langword="null"/>.</param>
    /// <returns>The same builder.</returns>
    public static TBuilder RequireOrganization<TBuilder>(this TBuilder builder, string? routeValueName = null)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.RequireAuthorization(KiwiPolicy().RequireKiwiOrganization(routeValueName).Build());
    }

    private static AuthorizationPolicyBuilder KiwiPolicy() =>
        new AuthorizationPolicyBuilder(KiwiAuthDefaults.AuthenticationScheme).RequireAuthenticatedUser();
}
