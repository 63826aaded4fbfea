using Kiwi.Auth;
using Kiwi.Auth.Endpoints;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

#pragma warning disable IDE0130 // Extension methods live beside MapGet so that they are found without a using.
namespace Microsoft.AspNetCore.Builder;
#pragma warning restore IDE0130

/// <summary>Endpoint conventions for kiwi users.</summary>
public static class KiwiEndpointConventionBuilderExtensions
{
    private static readonly AuthorizationPolicy AuthenticatedByKiwi =
        new AuthorizationPolicyBuilder(KiwiAuthDefaults.AuthenticationScheme).RequireAuthenticatedUser().Build();

    /// <summary>
    /// Requires a request authenticated by the Kiwi scheme with a user id: no user is 401, a user without an id
    /// is 403, both with kiwi's envelope. The handler can then take a <see cref="KiwiUser"/> parameter.
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint builder's type.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <returns>The same builder.</returns>
    public static TBuilder RequireUser<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The policy names the Kiwi scheme even when it is the default: the authorization step then asks the scheme
        // itself (its result is memoized per request), so RequireUser works whatever the middleware order is.
        builder.RequireAuthorization(AuthenticatedByKiwi);
        builder.AddEndpointFilter(new RequireUserEndpointFilter());
        return builder;
    }
}
