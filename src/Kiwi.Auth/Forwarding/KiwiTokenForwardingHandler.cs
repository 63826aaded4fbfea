using Kiwi.Auth.Tokens;
using Kiwi.User.Client.Http;
using Microsoft.AspNetCore.Http;

namespace Kiwi.Auth.Forwarding;

/// <summary>
/// Forwards the access token of the incoming request to a downstream API, so that it sees the same user. Only an
/// authenticated request's bearer token is forwarded; an anonymous request's call goes out without one. The
/// token is the caller's, so it cannot be refreshed here: a downstream 401 is handed back as it is.
/// </summary>
internal sealed class KiwiTokenForwardingHandler(IHttpContextAccessor httpContextAccessor) : KiwiAccessTokenHandler
{
    protected override Task<string?> GetAccessTokenAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = httpContextAccessor.HttpContext;
        if (context?.User.Identity?.IsAuthenticated != true)
        {
            return Task.FromResult<string?>(null);
        }

        return Task.FromResult(BearerTokenReader.Read(context.Request).Token);
    }

    protected override Task<string?> RenewAccessTokenAsync(
        HttpRequestMessage request, string rejectedAccessToken, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}
