using Kiwi.Auth.Tokens;
using Kiwi.User.Client.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Kiwi.Auth.Forwarding;

/// <summary>
/// Forwards the access token of the incoming request to a downstream API, so that it sees the same user. Only the
/// token of a request a Kiwi scheme authenticated is forwarded, read from the sources that scheme reads (header,
/// and cookie or query string when turned on); an anonymous request's call goes out without one, and so does a
/// request of the local bypass, which has no token. The token is the caller's, so it cannot be refreshed here: a
/// downstream 401 is handed back as it is.
/// </summary>
internal sealed class KiwiTokenForwardingHandler(
    IHttpContextAccessor httpContextAccessor, IOptionsMonitor<KiwiAuthOptions> options) : KiwiAccessTokenHandler
{
    protected override Task<string?> GetAccessTokenAsync(
        HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(IncomingToken());

    protected override Task<string?> RenewAccessTokenAsync(
        HttpRequestMessage request, string rejectedAccessToken, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);

    private string? IncomingToken()
    {
        // Only a request a Kiwi scheme validated forwards anything: another scheme's credential is never sent on.
        var context = httpContextAccessor.HttpContext;
        if (context?.Features.Get<KiwiUserFeature>() is not { } validated)
        {
            return null;
        }

        // Only the very token the scheme validated: not a header token the local bypass or an OnMessageReceived
        // token never looked at.
        var sources = options.Get(validated.Scheme).TokenSources;
        var token = KiwiTokenSourceReader.Read(context.Request, sources).Read.Token;
        return token is not null && validated.TokenHash is { } hash && KiwiToken.ComputeHash(token) == hash
            ? token
            : null;
    }
}
