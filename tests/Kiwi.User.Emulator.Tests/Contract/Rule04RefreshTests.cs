using System.Net;
using Kiwi.User.Emulator.Tests.Support;

namespace Kiwi.User.Emulator.Tests.Contract;

/// <summary>Contract 7.4 (more in SessionTests): refresh needs user_id + device + the exact refresh token.</summary>
public sealed class Rule04RefreshTests : EmulatorTest
{
    [Fact]
    public async Task Refresh_gives_a_new_access_token_that_differs_only_in_time_claims()
    {
        var login = await Http.LoginAsync("alice", "alice-password");

        var answer = await Http.PostAsync("/v1/token/refresh", Bodies.Refresh(login));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var payload = Jwt.PayloadText(answer.Data.AccessToken());
        Assert.Contains("\"sub\":\"" + Bodies.Alice + "\"", payload);
        Assert.True(Jwt.VerifiesWith(answer.Data.AccessToken(), Control.PublicKeyPem));
    }

    [Fact]
    public async Task Refresh_after_leaving_the_device_organization_is_403_organization_id_not_found()
    {
        var login = await Http.LoginAsync("alice", "alice-password");
        Assert.Equal(HttpStatusCode.OK,
            (await Http.PostAsync("/v1/login/organization", Bodies.OrganizationLogin(login, Bodies.DemoOrg))).Status);
        var alice = EmulatorSeeds.Demo.Users.Single(u => u.Name == "alice");
        Control.AddUser(alice with { Organizations = [] });

        var answer = await Http.PostAsync("/v1/token/refresh", Bodies.Refresh(login));

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("Forbidden: organization id not found", answer.Msg);
    }

    [Theory]
    [InlineData("{\"refresh_token\":\"x\",\"device\":{\"device_type\":\"web\",\"device_id\":\"d\"}}")]
    [InlineData("{\"user_id\":\"1\",\"device\":{\"device_type\":\"web\",\"device_id\":\"d\"}}")]
    [InlineData("{\"user_id\":\"1\",\"refresh_token\":\"x\"}")]
    [InlineData("{\"user_id\":\"1\",\"refresh_token\":\"x\",\"device\":{\"device_type\":\"web\"}}")]
    [InlineData("{\"user_id\":\"1\",\"refresh_token\":\"x\",\"device\":\"web\"}")]
    [InlineData("{\"user_id\":1,\"refresh_token\":\"x\",\"device\":{\"device_type\":\"web\",\"device_id\":\"d\"}}")]
    public async Task Missing_or_mistyped_fields_are_400_before_any_lookup(string body)
    {
        var answer = await Http.PostAsync("/v1/token/refresh", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("Bad Request", answer.Msg);
    }
}
