using Kiwi.Auth.Errors;
using Kiwi.User.Client.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Kiwi.Auth.Authorization;

/// <summary>
/// Answers a failed Kiwi requirement itself: 403 with kiwi's envelope and, for scopes, RFC 6750's
/// <c>insufficient_scope</c>. Every other outcome goes to ASP.NET Core's default handling.
/// </summary>
internal sealed class KiwiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _fallback = new();

    public Task HandleAsync(
        RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || authorizeResult.AuthorizationFailure is not { } failure)
        {
            return _fallback.HandleAsync(next, context, policy, authorizeResult);
        }

        if (Failed<KiwiScopeRequirement>(failure) is { } scope)
        {
            var scopes = string.Join(' ', scope.Scopes);
            context.Response.Headers[HeaderNames.WWWAuthenticate] =
                $"Bearer error=\"insufficient_scope\", error_description=\"The token lacks a required scope.\", "
                + $"scope=\"{scopes}\"";
            return KiwiErrorWriter.WriteAsync(context.Response, 403, KiwiErrorCodes.Forbidden, "Forbidden: insufficient scope");
        }

        if (Failed<KiwiOrganizationRequirement>(failure) is not null)
        {
            return KiwiErrorWriter.WriteAsync(context.Response, 403, KiwiErrorCodes.Forbidden, "Forbidden: organization");
        }

        return _fallback.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>A requirement that calls <c>Fail</c> shows up among the reasons, one that just does not succeed
    /// among the failed requirements.</summary>
    private static T? Failed<T>(AuthorizationFailure failure)
        where T : class =>
        failure.FailedRequirements.OfType<T>().FirstOrDefault()
        ?? failure.FailureReasons.Select(r => r.Handler).OfType<T>().FirstOrDefault();
}
