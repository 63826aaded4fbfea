using Kiwi.Auth.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Kiwi.Auth.Authorization;

/// <summary>
/// Tells the scheme why a Kiwi requirement failed: the forbid carries the missing scopes (RFC 6750's
/// <c>insufficient_scope</c>) or the organization message, so the scheme's <c>HandleForbiddenAsync</c> writes the
/// 403 (through <see cref="KiwiAuthEvents.OnForbidden"/> and the configured error format). A challenge or forbid
/// on several schemes asks the Kiwi schemes last: they write a body, which starts the response, and a scheme asked
/// after them (one that only sets the status, say) would then throw and break the answer. Every other outcome goes
/// to ASP.NET Core's default handling.
/// </summary>
internal sealed class KiwiAuthorizationResultHandler(IAuthenticationSchemeProvider schemes)
    : IAuthorizationMiddlewareResultHandler
{
    public const string OrganizationMessage = "Forbidden: organization";

    private readonly AuthorizationMiddlewareResultHandler _fallback = new();

    public Task HandleAsync(
        RequestDelegate next,
        HttpContext context,
        AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged && policy.AuthenticationSchemes.Count > 1)
        {
            return ChallengeKiwiLastAsync(context, policy);
        }

        if (!authorizeResult.Forbidden)
        {
            return _fallback.HandleAsync(next, context, policy, authorizeResult);
        }

        if (authorizeResult.AuthorizationFailure is not { } failure)
        {
            return ForbidAsync(context, policy, new AuthenticationProperties());
        }

        if (Failed<KiwiScopeRequirement>(failure) is { } scope)
        {
            return ForbidAsync(context, policy, KiwiForbiddenReason.Scopes(scope.Scopes));
        }

        if (Failed<KiwiOrganizationRequirement>(failure) is not null)
        {
            return ForbidAsync(context, policy, KiwiForbiddenReason.Message(OrganizationMessage));
        }

        return ForbidAsync(context, policy, new AuthenticationProperties());
    }

    private async Task ChallengeKiwiLastAsync(HttpContext context, AuthorizationPolicy policy)
    {
        foreach (var scheme in await KiwiLastAsync(policy))
        {
            await context.ChallengeAsync(scheme);
        }
    }

    /// <summary>As the default handler does: every scheme of the policy, or the default scheme when it names none.
    /// </summary>
    private async Task ForbidAsync(
        HttpContext context, AuthorizationPolicy policy, AuthenticationProperties properties)
    {
        if (policy.AuthenticationSchemes.Count == 0)
        {
            await context.ForbidAsync(properties);
            return;
        }

        foreach (var scheme in await KiwiLastAsync(policy))
        {
            await context.ForbidAsync(scheme, properties);
        }
    }

    /// <summary>The policy's schemes in their order, but the Kiwi ones (and the <c>Kiwi</c> alias) at the end.
    /// </summary>
    private async Task<List<string>> KiwiLastAsync(AuthorizationPolicy policy)
    {
        var others = new List<string>();
        var kiwi = new List<string>();
        foreach (var name in policy.AuthenticationSchemes)
        {
            var scheme = await schemes.GetSchemeAsync(name);
            var isKiwi = scheme?.HandlerType == typeof(KiwiAuthHandler)
                || string.Equals(name, KiwiAuthDefaults.AuthenticationScheme, StringComparison.Ordinal);
            (isKiwi ? kiwi : others).Add(name);
        }

        others.AddRange(kiwi);
        return others;
    }

    /// <summary>A requirement that calls <c>Fail</c> shows up among the reasons, one that just does not succeed
    /// among the failed requirements.</summary>
    private static T? Failed<T>(AuthorizationFailure failure)
        where T : class =>
        failure.FailedRequirements.OfType<T>().FirstOrDefault()
        ?? failure.FailureReasons.Select(r => r.Handler).OfType<T>().FirstOrDefault();
}
