using Microsoft.AspNetCore.Http;

namespace Kiwi.Auth.Endpoints;

/// <summary>Wraps what the handler returns in kiwi's success envelope; see <see cref="KiwiEnvelopeResult"/>.
/// </summary>
internal sealed class KiwiEnvelopeEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        return result is KiwiEnvelopeResult ? result : new KiwiEnvelopeResult(result);
    }
}
