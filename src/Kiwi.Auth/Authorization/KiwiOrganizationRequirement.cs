using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kiwi.Auth.Authorization;

/// <summary>
/// Requires the session to be in an organization (the token's <c>organization_id</c> is set) and, when
/// <see cref="RouteValueName"/> is given, that organization to be the one the route names.
/// </summary>
/// <param name="routeValueName">The route value holding the organization id, such as <c>orgId</c>; or
/// <see langword="null"/> to require only that the session has an organization.</param>
public sealed class KiwiOrganizationRequirement(string? routeValueName = null)
    : AuthorizationHandler<KiwiOrganizationRequirement>, IAuthorizationRequirement
{
    /// <summary>The route value compared with the token's organization, if any.</summary>
    public string? RouteValueName { get; } = routeValueName;

    /// <inheritdoc />
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, KiwiOrganizationRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);

        var organizationId = context.User.GetKiwiOrganizationId();
        if (string.IsNullOrEmpty(organizationId))
        {
            context.Fail(new AuthorizationFailureReason(this, "The session is not in an organization."));
            return Task.CompletedTask;
        }

        if (requirement.RouteValueName is { } name && !MatchesRoute(context.Resource, name, organizationId))
        {
            context.Fail(new AuthorizationFailureReason(this, "The session is in another organization."));
            return Task.CompletedTask;
        }

        context.Succeed(requirement);
        return Task.CompletedTask;
    }

    /// <summary>Organization ids are lowercase UUIDs; the route's may come in another case.</summary>
    private static bool MatchesRoute(object? resource, string name, string organizationId)
    {
        var routeValue = resource switch
        {
            HttpContext http => http.GetRouteValue(name),
            _ => null,
        };

        return routeValue?.ToString() is { } value
            && string.Equals(value, organizationId, StringComparison.OrdinalIgnoreCase);
    }
}
