using System.Net;
using Kiwi.User.Client.Models.Requests;

namespace Kiwi.User.Client.Tests.Emulator;

public sealed class InternalEndpointTests : EmulatorClientTest
{
    [Fact]
    public async Task User_lookup_returns_known_users_and_leaves_out_unknown_ones()
    {
        var users = await Client.GetUsersAsync([AliceId, "42", BobId]);

        Assert.Equal([AliceId, BobId], users.Select(u => u.Id).Order(StringComparer.Ordinal));
        var alice = users.Single(u => u.Id == AliceId);
        Assert.Equal(("alice", "Alice", "alice"), (alice.Name, alice.DisplayName, alice.UserName));
    }

    [Fact]
    public async Task User_lookup_of_nobody_is_empty()
    {
        var users = await Client.GetUsersAsync(["42"]);

        Assert.Empty(users);
    }

    [Fact]
    public async Task Organization_lookup_returns_the_organization()
    {
        var organizations = await Client.GetOrganizationsAsync([DemoOrganization, Guid.NewGuid().ToString()]);

        var organization = Assert.Single(organizations);
        Assert.Equal(("Kiwi Demo Org", "premium"), (organization.Name, organization.Status));
    }

    [Fact]
    public async Task Organization_lookup_with_a_non_uuid_is_a_bad_request()
    {
        var exception = await Assert.ThrowsAsync<KiwiUserException>(() => Client.GetOrganizationsAsync(["nope"]));

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal("Bad Request: invalid organization id", exception.KiwiMessage);
    }

    [Fact]
    public async Task Current_organization_info_returns_the_logo_of_the_tokens_organization()
    {
        var login = await LoginAliceAsync();
        var inOrganization = await Client.LoginToOrganizationAsync(
            new OrganizationLoginRequest(DemoOrganization, AliceId, login.RefreshToken, Device));

        var info = await Client.GetCurrentOrganizationInfoAsync(inOrganization.AccessToken);

        Assert.Equal("https://example.com/kiwi-demo-org.png", info.LogoImageUrl);
    }

    [Fact]
    public async Task Current_organization_info_for_a_token_without_organization_is_a_bad_request()
    {
        var login = await LoginAliceAsync();

        var exception = await Assert.ThrowsAsync<KiwiUserException>(
            () => Client.GetCurrentOrganizationInfoAsync(login.AccessToken));

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
    }

    [Fact]
    public async Task Current_organization_info_without_a_valid_token_is_unauthorized()
    {
        var exception = await Assert.ThrowsAsync<KiwiUserException>(
            () => Client.GetCurrentOrganizationInfoAsync("x.y.z"));

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
    }

    [Fact]
    public async Task Current_organization_info_for_the_nil_organization_is_forbidden()
    {
        var token = Control.IssueAccessToken(AliceId, organizationId: Guid.Empty.ToString());

        var exception = await Assert.ThrowsAsync<KiwiUserForbiddenException>(
            () => Client.GetCurrentOrganizationInfoAsync(token));

        Assert.Equal("Forbidden: invalid orgID, orgID is null", exception.KiwiMessage);
    }

    [Fact]
    public async Task Current_organization_info_for_an_unknown_organization_has_no_logo()
    {
        var token = Control.IssueAccessToken(AliceId, organizationId: Guid.NewGuid().ToString());

        var info = await Client.GetCurrentOrganizationInfoAsync(token);

        Assert.Equal("", info.LogoImageUrl);
    }
}
