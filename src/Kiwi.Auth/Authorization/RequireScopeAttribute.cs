using Microsoft.AspNetCore.Authorization;

namespace Kiwi.Auth.Authorization;

/// <summary>
/// On a controller or action: requires a Kiwi user whose role has every one of the scopes; no user is 401, a
/// missing scope 403 with kiwi's envelope and <c>error="insufficient_scope"</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequireScopeAttribute : AuthorizeAttribute, IAuthorizationRequirementData
{
    /// <summary>Creates the attribute; the user is authenticated with the Kiwi scheme.</summary>
    /// <param name="scopes">The scopes; at least one.</param>
    public RequireScopeAttribute(params string[] scopes)
    {
        Scopes = scopes;
        AuthenticationSchemes = KiwiAuthDefaults.AuthenticationScheme;
    }

    /// <summary>The scopes the user must have.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <inheritdoc />
    public IEnumerable<IAuthorizationRequirement> GetRequirements() => [new KiwiScopeRequirement([.. Scopes])];
}
