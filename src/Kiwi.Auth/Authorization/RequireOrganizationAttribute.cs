using Microsoft.AspNetCore.Authorization;

namespace Kiwi.Auth.Authorization;

/// <summary>
/// On a controller or action: requires the session to be in an organization and, with
/// <see cref="RouteValueName"/>, in the organization the route names.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class RequireOrganizationAttribute : AuthorizeAttribute, IAuthorizationRequirementData
{
    /// <summary>Creates the attribute; the user is authenticated with the Kiwi scheme.</summary>
    public RequireOrganizationAttribute() => AuthenticationSchemes = KiwiAuthDefaults.AuthenticationScheme;

    /// <summary>The route value that must equal the token's organization id; none by default.</summary>
    public string? RouteValueName { get; set; }

    /// <inheritdoc />
    public IEnumerable<IAuthorizationRequirement> GetRequirements() =>
        [new KiwiOrganizationRequirement(RouteValueName)];
}
