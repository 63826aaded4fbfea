using Microsoft.AspNetCore.Authorization;

namespace Kiwi.Auth.Authorization;

/// <summary>Requires the user's role to have every one of <see cref="Scopes"/>.</summary>
public sealed class KiwiScopeRequirement : AuthorizationHandler<KiwiScopeRequirement>, IAuthorizationRequirement
{
    /// <summary>Creates the requirement.</summary>
    /// <param name="scopes">The scopes; at least one.</param>
    public KiwiScopeRequirement(params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        if (scopes.Length == 0 || scopes.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Name at least one scope, none of them empty.", nameof(scopes));
        }

        Scopes = scopes;
    }

    /// <summary>The scopes the user must have.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <inheritdoc />
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, KiwiScopeRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);

        if (requirement.Scopes.All(context.User.HasKiwiScope))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, $"The token lacks scope {string.Join(' ', Scopes)}."));
        }

        return Task.CompletedTask;
    }
}
