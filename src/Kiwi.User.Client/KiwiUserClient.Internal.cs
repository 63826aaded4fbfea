using Kiwi.User.Client.Models;
using Kiwi.User.Client.Models.Requests;

namespace Kiwi.User.Client;

// The /internal/* routes for services: read-only, safe to retry.
public sealed partial class KiwiUserClient
{
    /// <inheritdoc />
    public Task<IReadOnlyList<PublicUserInfo>> GetUsersAsync(
        IEnumerable<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var message = JsonPost("internal/user/infos", new UserInfosRequest([.. userIds]), Json.UserInfosRequest);
        return SendAsync(message, Json.KiwiEnvelopeIReadOnlyListPublicUserInfo, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OrganizationInfo>> GetOrganizationsAsync(
        IEnumerable<string> organizationIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organizationIds);
        var body = new OrganizationInfosRequest([.. organizationIds]);
        var message = JsonPost("internal/organization/infos", body, Json.OrganizationInfosRequest);
        return SendAsync(message, Json.KiwiEnvelopeIReadOnlyListOrganizationInfo, cancellationToken);
    }

    /// <inheritdoc />
    public Task<CurrentOrganizationInfo> GetCurrentOrganizationInfoAsync(
        string accessToken, CancellationToken cancellationToken = default)
    {
        var message = Authorize(new HttpRequestMessage(HttpMethod.Get, "internal/getCurrentInfos"), accessToken);
        return SendAsync(message, Json.KiwiEnvelopeCurrentOrganizationInfo, cancellationToken);
    }
}
