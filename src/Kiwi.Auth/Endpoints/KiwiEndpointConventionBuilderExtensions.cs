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

        var policy = new AuthorizationPolicyBuilder(KiwiAuthDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .Build();
        builder.RequireAuthorization(policy);
        builder.AddEndpointFilter(new RequireUserEndpointFilter());
        return builder;
    }
}
