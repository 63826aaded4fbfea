using System.Net;
using Kiwi.User.Emulator.Tests.Support;

namespace Kiwi.User.Emulator.Tests.Contract;

/// <summary>
/// Contract 7.5: per-device sessions; organization login sets the org; refresh keeps it; login clears it.
/// </summary>
public sealed class Rule05OrganizationSessionTests : EmulatorTest
{
    [Fact]
    public async Task Organization_login_puts_the_org_in_a_new_token_and_keeps_the_refresh_token()
    {
        var login = await Http.LoginAsync("alice", "alice-password");

        var answer = await Http.PostAsync("/v1/login/organization", Bodies.OrganizationLogin(login, Bodies.DemoOrg));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.EndsWith("\"organization_id\":\"" + Bodies.DemoOrg + "\"}", Jwt.PayloadText(answer.Data.AccessToken()));
        Assert.Equal(login.RefreshToken(), answer.Data.RefreshToken());
        Assert.Equal(login.GetProperty("refresh_token_expires_at").GetInt64(),
            answer.Data.GetProperty("refresh_token_expires_at").GetInt64());
    }

    [Fact]
    public async Task Refresh_keeps_the_device_organization_and_a_new_login_clears_it()
    {
        var login = await Http.LoginAsync("alice", "alice-password");
        var upperCase = Bodies.DemoOrg.ToUpperInvariant();
        await Http.PostAsync("/v1/login/organization", Bodies.OrganizationLogin(login, upperCase));

        var refreshed = await Http.PostAsync("/v1/token/refresh", Bodies.Refresh(login));
        var relogin = await Http.LoginAsync("alice", "alice-password");
        var refreshedAgain = await Http.PostAsync("/v1/token/refresh", Bodies.Refresh(relogin));

        Assert.EndsWith("\"organization_id\":\"" + Bodies.DemoOrg + "\"}",
            Jwt.PayloadText(refreshed.Data.AccessToken()));
        Assert.EndsWith("\"organization_id\":\"\"}", Jwt.PayloadText(relogin.AccessToken()));
        Assert.EndsWith("\"organization_id\":\"\"}", Jwt.PayloadText(refreshedAgain.Data.AccessToken()));
    }

    [Fact]
    public async Task Organization_login_on_one_device_leaves_other_devices_without_an_org()
    {
        var laptop = await Http.LoginAsync("alice", "alice-password", deviceId: "laptop");
        var phone = await Http.LoginAsync("alice", "alice-password", deviceId: "phone");
        await Http.PostAsync("/v1/login/organization", Bodies.OrganizationLogin(laptop, Bodies.DemoOrg, "laptop"));

        var phoneRefresh = await Http.PostAsync("/v1/token/refresh", Bodies.Refresh(phone, "phone"));

        Assert.EndsWith("\"organization_id\":\"\"}", Jwt.PayloadText(phoneRefresh.Data.AccessToken()));
    }

    [Fact]
    public async Task Organization_login_checks_uuid_then_user_then_membership_then_device_then_token()
    {
        var alice = await Http.LoginAsync("alice", "alice-password");
        var bob = await Http.LoginAsync("bob", "bob-password");

        var notUuid = await Http.PostAsync("/v1/login/organization", Bodies.OrganizationLogin(alice, "org-1"));
        var unknownUser = await Http.PostAsync("/v1/login/organization", Bodies.Json(new
        {
            organization_id = Bodies.DemoOrg, user_id = "42", refresh_token = "x", device = Bodies.Device(),
        }));
        var notMember = await Http.PostAsync("/v1/login/organization", Bodies.OrganizationLogin(bob, Bodies.DemoOrg));
        var noDevice = await Http.PostAsync(
            "/v1/login/organization", Bodies.OrganizationLogin(alice, Bodies.DemoOrg, "elsewhere"));
        var wrongToken = await Http.PostAsync("/v1/login/organization", Bodies.Json(new
        {
            organization_id = Bodies.DemoOrg, user_id = Bodies.Alice, refresh_token = "x", device = Bodies.Device(),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, notUuid.Status);
        Assert.Equal("Bad Request: invalid organization id", notUuid.Msg);
        Assert.Equal("application/json; charset=utf-8", notUuid.ContentType);
        Assert.Equal("Forbidden: user not found", unknownUser.Msg);
        Assert.Equal("Forbidden: user not in organization", notMember.Msg);
        Assert.Equal("Forbidden: device not found", noDevice.Msg);
        Assert.Equal("Forbidden: invalid refresh token", wrongToken.Msg);
    }
}
