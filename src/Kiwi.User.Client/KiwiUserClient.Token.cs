using Kiwi.User.Client.Models;
using Kiwi.User.Client.Models.Requests;

namespace Kiwi.User.Client;

// The /v1/token/* routes and /ping: all safe to retry (refresh returns the same refresh token).
public sealed partial class KiwiUserClient
{
    /// <inheritdoc />
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, "ping");
        await SendAsync(message, Json.KiwiEnvelopeOperationResult, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<TokenVerification> VerifyTokenAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accessToken);
        var message = JsonPost("v1/token/verify", new VerifyTokenRequest(accessToken), Json.VerifyTokenRequest);
        return SendAsync(message, Json.KiwiEnvelopeTokenVerification, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string> GetPublicKeyAsync(CancellationToken cancellationToken = default)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, "v1/token/publickey");
        var result = await SendAsync(message, Json.KiwiEnvelopePublicKeyResult, cancellationToken)
            .ConfigureAwait(false);
        return result.PublicKey;
    }

    /// <inheritdoc />
    public Task<LoginResult> RefreshAsync(RefreshTokenRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var message = JsonPost("v1/token/refresh", request, Json.RefreshTokenRequest);
        return SendAsync(message, Json.KiwiEnvelopeLoginResult, cancellationToken);
    }
}
