using Kiwi.Auth.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Kiwi.Auth.Authorization;

/// <summary>
/// Tells the scheme why a Kiwi requirement failed: the forbid carries the missing scopes (RFC 6750's
/// <c>insufficient_scope</c>) or the organization message, so the scheme's <c>HandleForbiddenAsync</c> writes the
/// 403 (through <see cref="KiwiAuthEvents.OnForbidden"/> and the configured error format). Every other outcome goes
/// to ASP.NET Core's default handling.
/// </summary>
internal sealed class KiwiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    public const string OrganizationMessage = "Forbidden: organization";

    private readonly AuthorizationMiddlewareResultHandler _fallback = new();

    public Task HandleAsync(
        RequestDelegate next,
        HttpContext context,
        AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || authorizeResult.AuthorizationFailure is not { } failure)
        {
            return _fallback.HandleAsync(next, context, policy, authorizeResult);
        }

        if (Failed<KiwiScopeRequirement>(failure) is { } scope)
        {
            return ForbidAsync(context, policy, KiwiForbiddenReason.Scopes(scope.Scopes));
        }

        if (Failed<KiwiOrganizationRequirement>(failure) is not null)
        {
            return ForbidAsync(context, policy, KiwiForbiddenReason.Message(OrganizationMessage));
        }

        return _fallback.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>As the default handler does: every scheme of the policy, or the default scheme when it names none.
    /// </summary>
    private static async Task ForbidAsync(
        HttpContext context, AuthorizationPolicy policy, AuthenticationProperties properties)
    {
        if (policy.AuthenticationSchemes.Count == 0)
        {
            await context.ForbidAsync(properties);
            return;
        }

        foreach (var scheme in policy.AuthenticationSchemes)
        {
            await context.ForbidAsync(scheme, properties);
        }
    }

    /// <summary>A requirement that calls <c>Fail</c> shows up among the reasons, one that just does not succeed
    /// among the failed requirements.</summary>
    private static T? Failed<T>(AuthorizationFailure failure)
        where T : class =>
        failure.FailedRequirements.OfType<T>().FirstOrDefault()
        ?? failure.FailureReasons.Select(r => r.Handler).OfType<T>().FirstOrDefault();
}
