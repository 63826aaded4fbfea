using Kiwi.Auth;
using Kiwi.Auth.Endpoints;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // Extension methods live beside MapGet so that they are found without a using.
namespace Microsoft.AspNetCore.Builder;
#pragma warning restore IDE0130

/// <summary>Endpoint conventions for kiwi users.</summary>
public static class KiwiEndpointConventionBuilderExtensions
{
    private static readonly AuthorizationPolicy AuthenticatedUser =
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();

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

        builder.RequireAuthorization(AuthenticatedUser);
        builder.Add(endpoint =>
        {
            if (!KiwiIsDefaultScheme(endpoint.ApplicationServices))
            {
                endpoint.Metadata.Add(AuthenticatedByKiwi);
            }
        });
        builder.AddEndpointFilter(new RequireUserEndpointFilter());
        return builder;
    }

    /// <summary>
    /// When Kiwi is the default scheme the authentication middleware has already put its user on the request, so
    /// the policy names no scheme: naming it would authenticate a second time (claims transformation included) and
    /// build a merged principal on every request. Beside other schemes, the policy names Kiwi.
    /// </summary>
    private static bool KiwiIsDefaultScheme(IServiceProvider services) =>
        services.GetService<IOptions<AuthenticationOptions>>()?.Value is { } options
        && (options.DefaultAuthenticateScheme ?? options.DefaultScheme) == KiwiAuthDefaults.AuthenticationScheme;
}
