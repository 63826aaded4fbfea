using Kiwi.Auth.Authorization;

#pragma warning disable IDE0130 // Extension methods live beside AuthorizationPolicyBuilder.
namespace Microsoft.AspNetCore.Authorization;
#pragma warning restore IDE0130

/// <summary>Kiwi requirements for policies built in code.</summary>
public static class KiwiAuthorizationPolicyBuilderExtensions
{
    /// <summary>Requires the user's role to have every one of <paramref name="scopes"/>.</summary>
    /// <param name="builder">The policy builder.</param>
    /// <param name="scopes">The scopes.</param>
    /// <returns>The same builder.</returns>
    public static AuthorizationPolicyBuilder RequireKiwiScope(
        this AuthorizationPolicyBuilder builder, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddRequirements(new KiwiScopeRequirement(scopes));
    }

    /// <summary>Requires the session to be in an organization, or in the one the route value names.</summary>
    /// <param name="builder">The policy builder.</param>
    /// <param name="routeValueName">The route value, or <see langword="null"/>.</param>
    /// <returns>The same builder.</returns>
    public static AuthorizationPolicyBuilder RequireKiwiOrganization(
        this AuthorizationPolicyBuilder builder, string? routeValueName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddRequirements(new KiwiOrganizationRequirement(routeValueName));
    }
}
