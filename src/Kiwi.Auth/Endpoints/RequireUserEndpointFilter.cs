using Kiwi.Auth.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Kiwi.Auth.Endpoints;

/// <summary>Lets a request through only with a kiwi user id, and hands the user to the handler. Without one, the
/// Kiwi scheme answers 403 (through <see cref="KiwiAuthEvents.OnForbidden"/> and the configured error format).
/// </summary>
internal sealed class RequireUserEndpointFilter : IEndpointFilter
{
    public const string MissingUserMessage = "Forbidden: the request has no kiwi user";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Features.Get<KiwiUserFeature>() is null)
        {
            var properties = KiwiForbiddenReason.Message(MissingUserMessage);
            await http.ForbidAsync(KiwiAuthDefaults.AuthenticationScheme, properties);
            return Results.Empty;
        }

        return await next(context);
    }
}
