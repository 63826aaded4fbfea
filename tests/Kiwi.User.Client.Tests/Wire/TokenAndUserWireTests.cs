using Kiwi.User.Client.Models.Requests;
using Kiwi.User.Client.Tests.Fakes;

namespace Kiwi.User.Client.Tests.Wire;

public sealed class TokenAndUserWireTests
{
    private readonly RecordingHandler handler = new();

    [Fact]
    public async Task Ping_gets_the_ping_path()
    {
        await Fakes.Wire.Client(handler.AnswerData(Fakes.Wire.Success)).PingAsync();

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("/base/ping", request.PathAndQuery);
    }

    [Fact]
    public async Task Verify_posts_only_the_access_token_and_reads_the_user()
    {
        var client = Fakes.Wire.Client(
            handler.AnswerData($$"""{"success":true,"user_info":{{Fakes.Wire.UserInfo}}}"""));

        var verdict = await client.VerifyTokenAsync("a.b.c");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/base/v1/token/verify", request.PathAndQuery);
        Assert.Equal("""{"access_token":"a.b.c"}""", request.Body);
        Assert.True(verdict.Success);
        Assert.Equal("member", verdict.UserInfo!.PersonalRole);
        Assert.Null(verdict.UserInfo.Organizations);
    }

    [Fact]
    public async Task Verify_reads_a_negative_verdict()
    {
        var client = Fakes.Wire.Client(handler.AnswerData("""{"success":false,"user_info":null}"""));

        var verdict = await client.VerifyTokenAsync("a.b.c");

        Assert.False(verdict.Success);
        Assert.Null(verdict.UserInfo);
    }

    [Fact]
    public async Task Public_key_is_read_from_the_publickey_path()
    {
        var client = Fakes.Wire.Client(handler.AnswerData(
            """{"public_key":"-----BEGIN PUBLIC KEY-----\nAA\n-----END PUBLIC KEY-----\n"}"""));

        var pem = await client.GetPublicKeyAsync();

        Assert.Equal("/base/v1/token/publickey", Assert.Single(handler.Requests).PathAndQuery);
        Assert.EndsWith("-----END PUBLIC KEY-----\n", pem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_posts_user_refresh_token_and_device()
    {
        var client = Fakes.Wire.Client(handler.AnswerData(Fakes.Wire.Login()));

        await client.RefreshAsync(
            new RefreshTokenRequest(Fakes.Wire.UserId, Fakes.Wire.RefreshToken, Fakes.Wire.Device));

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/base/v1/token/refresh", request.PathAndQuery);
        Assert.Equal(
            """{"user_id":"1864213360487714816","refresh_token":"0123456789abcdef0123456789abcdef01234567",""" +
            "\"device\":{\"device_type\":\"web\",\"device_id\":\"device-1\"}}",
            request.Body);
    }

    [Fact]
    public async Task User_info_sends_the_bearer_token()
    {
        var client = Fakes.Wire.Client(handler.AnswerData(Fakes.Wire.UserInfo));

        var info = await client.GetUserInfoAsync("a.b.c");

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("/base/v1/user/info", request.PathAndQuery);
        Assert.Equal("Bearer a.b.c", request.Authorization);
        Assert.Equal("R&D", info.Department);
    }

    [Fact]
    public async Task Profile_update_puts_display_name_avatar_and_department()
    {
        var client = Fakes.Wire.Client(handler.AnswerData(Fakes.Wire.UserInfo));

        await client.UpdateUserInfoAsync(
            "a.b.c", new UpdateUserInfoRequest { DisplayName = "Alice", Department = "R&D" });

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("/base/v1/user/info", request.PathAndQuery);
        Assert.Equal("Bearer a.b.c", request.Authorization);
        Assert.Equal(["display_name", "avatar", "department"], LoginWireTests.Keys(request.Body));
    }

    [Fact]
    public async Task Logout_posts_refresh_token_and_device_with_the_bearer_token()
    {
        var client = Fakes.Wire.Client(handler.AnswerData(Fakes.Wire.Success));

        await client.LogoutAsync("a.b.c", new LogoutRequest(Fakes.Wire.RefreshToken, Fakes.Wire.Device));

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/base/v1/user/logout", request.PathAndQuery);
        Assert.Equal("Bearer a.b.c", request.Authorization);
        Assert.Equal(["refresh_token", "device"], LoginWireTests.Keys(request.Body));
    }

    [Fact]
    public async Task Organization_applications_are_listed_with_the_bearer_token()
    {
        var client = Fakes.Wire.Client(handler.AnswerData("""
            [{"name":"Acme","brand_short_name":"acme","primary_business":"b","usage_scenario":"u",
            "referrer_name":"","discovery_way":"","review_status":"pending","org_role_name":""}]
            """));

        var applications = await client.GetOrganizationApplicationsAsync("a.b.c");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/base/v1/user/organization_application/infos", request.PathAndQuery);
        Assert.Equal("Bearer a.b.c", request.Authorization);
        Assert.Equal("pending", Assert.Single(applications).ReviewStatus);
    }

    [Fact]
    public async Task Organization_application_request_posts_the_application_fields()
    {
        var client = Fakes.Wire.Client(handler.AnswerData(Fakes.Wire.Success));

        await client.SubmitOrganizationApplicationAsync("a.b.c", new OrganizationApplicationRequest
        {
            Application = "kiwi-demo", Name = "Acme", BrandShortName = "acme", PrimaryBusiness = "b",
            UsageScenario = "u", OrganizationRoleName = "owner",
        });

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/base/v1/user/organization_application/request", request.PathAndQuery);
        Assert.Equal(
            ["application", "name", "brand_short_name", "primary_business", "usage_scenario", "referrer_name",
                "discovery_way", "org_role_name"],
            LoginWireTests.Keys(request.Body));
    }

    [Fact]
    public async Task Internal_user_lookup_posts_user_ids_without_authentication()
    {
        var client = Fakes.Wire.Client(handler.AnswerData("""
            [{"id":"1","application":"kiwi-demo","name":"alice","display_name":"Alice","avatar":"",
            "username":"alice","department":""}]
            """));

        var users = await client.GetUsersAsync(["1", "2"]);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/base/internal/user/infos", request.PathAndQuery);
        Assert.Null(request.Authorization);
        Assert.Equal("""{"user_ids":["1","2"]}""", request.Body);
        Assert.Equal("Alice", Assert.Single(users).DisplayName);
    }

    [Fact]
    public async Task Internal_organization_lookup_posts_org_ids()
    {
        var client = Fakes.Wire.Client(handler.AnswerData("[]"));

        var organizations = await client.GetOrganizationsAsync(["0b7e5a1c-9f3d-4c2b-8e6a-5d4c3b2a1f0e"]);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/base/internal/organization/infos", request.PathAndQuery);
        Assert.Equal("""{"org_ids":["0b7e5a1c-9f3d-4c2b-8e6a-5d4c3b2a1f0e"]}""", request.Body);
        Assert.Empty(organizations);
    }

    [Fact]
    public async Task Current_organization_info_is_read_with_the_bearer_token()
    {
        var client = Fakes.Wire.Client(handler.AnswerData("""{"logo_image_url":"https://logo"}"""));

        var info = await client.GetCurrentOrganizationInfoAsync("a.b.c");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/base/internal/getCurrentInfos", request.PathAndQuery);
        Assert.Equal("Bearer a.b.c", request.Authorization);
        Assert.Equal("https://logo", info.LogoImageUrl);
    }
}
