using Kiwi.User.Client.Models;
using Kiwi.User.Client.Models.Requests;

namespace Kiwi.User.Client;

// The /v1/user/* routes, all authenticated by the caller's access token.
public sealed partial class KiwiUserClient
{
    /// <inheritdoc />
    public Task<KiwiUserInfo> GetUserInfoAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        var message = Authorize(new HttpRequestMessage(HttpMethod.Get, "v1/user/info"), accessToken);
        return SendAsync(message, Json.KiwiEnvelopeKiwiUserInfo, cancellationToken);
    }

    /// <inheritdoc />
    public Task<KiwiUserInfo> UpdateUserInfoAsync(
        string accessToken, UpdateUserInfoRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Not retried: an avatar given as base64 is uploaded again on every attempt.
        var message = JsonRequest(HttpMethod.Put, "v1/user/info", request, Json.UpdateUserInfoRequest);
        message = NotRetryable(Authorize(message, accessToken));
        return SendAsync(message, Json.KiwiEnvelopeKiwiUserInfo, cancellationToken);
    }

    /// <inheritdoc />
    public async Task LogoutAsync(
        string accessToken, LogoutRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Not retried: a second logout of the same refresh token answers 403.
        var message = NotRetryable(Authorize(JsonPost("v1/user/logout", request, Json.LogoutRequest), accessToken));
        await SendAsync(message, Json.KiwiEnvelopeOperationResult, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OrganizationApplication>> GetOrganizationApplicationsAsync(
        string accessToken, CancellationToken cancellationToken = default)
    {
        var path = "v1/user/organization_application/infos";
        var message = Authorize(new HttpRequestMessage(HttpMethod.Get, path), accessToken);
        return SendAsync(message, Json.KiwiEnvelopeIReadOnlyListOrganizationApplication, cancellationToken);
    }

    /// <inheritdoc />
    public async Task SubmitOrganizationApplicationAsync(
        string accessToken, OrganizationApplicationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Not retried: every accepted request files another application.
        var path = "v1/user/organization_application/request";
        var message = Authorize(JsonPost(path, request, Json.OrganizationApplicationRequest), accessToken);
        await SendAsync(NotRetryable(message), Json.KiwiEnvelopeOperationResult, cancellationToken)
            .ConfigureAwait(false);
    }
}
