using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Kiwi.Auth;

/// <summary>
/// On a controller or action: wraps a 2xx object result in kiwi's success envelope,
/// <c>{"status":"success","error":null,"data":...}</c>, the controllers' counterpart of <c>WithKiwiEnvelope()</c>.
/// The status code and headers stay; other results (files, redirects, errors, 204) pass through unchanged.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class KiwiEnvelopeAttribute : ResultFilterAttribute
{
    /// <inheritdoc />
    public override void OnResultExecuting(ResultExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // A result without a status of its own answers with the one the action set on the response (a 401, say).
        var status = context.HttpContext.Response.StatusCode;
        if (context.Result is ObjectResult result && IsSuccess(result.StatusCode ?? status))
        {
            result.Value = new KiwiSuccessEnvelope(result.Value);
            result.DeclaredType = typeof(KiwiSuccessEnvelope);
        }
        else if (context.Result is OkResult ok)
        {
            context.Result = new ObjectResult(new KiwiSuccessEnvelope(null)) { StatusCode = ok.StatusCode };
        }
    }

    private static bool IsSuccess(int status) => status is >= 200 and <= 299 and not StatusCodes.Status204NoContent;
}
