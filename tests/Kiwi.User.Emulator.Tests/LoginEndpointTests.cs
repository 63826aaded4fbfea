using System.Net;
using Kiwi.User.Emulator.Tests.Support;

namespace Kiwi.User.Emulator.Tests;

public sealed class LoginEndpointTests : EmulatorTest
{
    [Theory]
    [InlineData("alice", "wrong")]
    [InlineData("nobody", "alice-password")]
    [InlineData("ALICE", "alice-password")]
    public async Task Password_login_failures_are_all_user_not_found(string name, string password)
    {
        var answer = await Http.PostAsync("/v1/login/password", Bodies.Json(new
        {
            application_name = "kiwi-demo", name, password, device = Bodies.Device(),
        }));

        Assert.Equal((HttpStatusCode.Forbidden, "Forbidden: user not found"), (answer.Status, answer.Msg));
    }

    [Fact]
    public async Task A_user_without_a_password_binding_cannot_log_in_with_one()
    {
        Control.AddUser(new SeedUser { Id = "1864213360487714950", Application = "kiwi-demo", Name = "nopass" });

        var answer = await Http.PostAsync("/v1/login/password", Bodies.Json(new
        {
            application_name = "kiwi-demo", name = "nopass", password = "anything", device = Bodies.Device(),
        }));

        Assert.Equal("Forbidden: user not found", answer.Msg);
    }

    [Fact]
    public async Task Login_response_fields_come_in_kiwi_order()
    {
        var answer = await Http.PostAsync("/v1/login/password", Bodies.Json(new
        {
            application_name = "kiwi-demo", name = "bob", password = "bob-password",
            device = Bodies.Device("d-9", "ios"),
        }));

        Assert.Matches(
            "^\\{\"refresh_token\":\"[0-9a-f]{40}\",\"refresh_token_expires_at\":\\d+,\"access_token\":\"[^\"]+\","
            + "\"access_token_expires_at\":\\d+,\"type\":\"Bearer\",\"device_type\":\"ios\",\"device_id\":\"d-9\","
            + "\"user_id\":\"1864213360487714902\"\\}$",
            answer.Data.GetRawText());
    }

    [Fact]
    public async Task Google_web_login_accepts_a_code_the_seed_maps_and_fails_others_with_500()
    {
        var known = await GoogleAsync("google-code-alice");
        var unknown = await GoogleAsync("some-other-code");

        Assert.Equal(Bodies.Alice, known.Data.GetProperty("user_id").GetString());
        Assert.Equal((HttpStatusCode.InternalServerError, "Server Internal Error"), (unknown.Status, unknown.Msg));
    }

    [Fact]
    public async Task Google_web_login_needs_redirect_uri_and_a_referral_channel_object()
    {
        var noRedirect = await Http.PostAsync("/v1/login/google/web", Bodies.Json(new
        {
            application_name = "kiwi-demo", code = "google-code-alice", device = Bodies.Device(),
        }));
        var stringChannel = await Http.PostAsync("/v1/login/google/web", Bodies.Json(new
        {
            application_name = "kiwi-demo", code = "google-code-alice", redirect_uri = "https://x",
            device = Bodies.Device(), referral_channel = "ads",
        }));
        var objectChannel = await Http.PostAsync("/v1/login/google/web", Bodies.Json(new
        {
            application_name = "kiwi-demo", code = "google-code-alice", redirect_uri = "https://x",
            device = Bodies.Device(), referral_channel = new { type = "ad", id = "1", name = "spring" },
        }));

        Assert.Equal(HttpStatusCode.BadRequest, noRedirect.Status);
        Assert.Equal(HttpStatusCode.BadRequest, stringChannel.Status);
        Assert.Equal(HttpStatusCode.OK, objectChannel.Status);
    }

    [Fact]
    public async Task WeChat_mini_program_login_accepts_a_seed_code()
    {
        var answer = await Http.PostAsync("/v1/login/wechat/miniprogram", Bodies.Json(new
        {
            application_name = "kiwi-demo", code = "wechat-code-bob", device = Bodies.Device(),
            mini_program_phone_code = "p",
        }));

        Assert.Equal(Bodies.Bob, answer.Data.GetProperty("user_id").GetString());
    }

    [Fact]
    public async Task WeChat_web_login_reads_state_and_code_from_the_query()
    {
        var state = Uri.EscapeDataString(Bodies.Json(new
        {
            application_name = "kiwi-demo", device = Bodies.Device("w-1"), platform = "web",
        }));

        var ok = await Http.PostAsync($"/v1/login/wechat/web?state={state}&code=wechat-code-bob", "");
        var missing = await Http.PostAsync($"/v1/login/wechat/web?state={state}", "");
        var badState = await Http.PostAsync("/v1/login/wechat/web?state=%7Bnope&code=wechat-code-bob", "");

        Assert.Equal("w-1", ok.Data.GetProperty("device_id").GetString());
        Assert.Equal((HttpStatusCode.BadRequest, "Bad Request: code or state is empty"), (missing.Status, missing.Msg));
        Assert.Equal(HttpStatusCode.BadRequest, badState.Status);
    }

    [Theory]
    [InlineData("/v1/login/password", "\"name\":\"alice\",\"password\":\"p\"")]
    [InlineData("/v1/login/phone", "\"phone\":\"1\",\"verify_code\":\"1\"")]
    [InlineData("/v1/login/email", "\"email\":\"a@b.c\",\"verify_code\":\"1\"")]
    [InlineData("/v1/login/google/web", "\"code\":\"c\",\"redirect_uri\":\"r\"")]
    [InlineData("/v1/login/wechat/miniprogram", "\"code\":\"c\"")]
    public async Task An_unknown_application_is_403_application_not_found(string path, string fields)
    {
        var body = "{\"application_name\":\"x\"," + fields + ",\"device\":{\"device_type\":\"w\",\"device_id\":\"d\"}}";

        var answer = await Http.PostAsync(path, body);

        Assert.Equal((HttpStatusCode.Forbidden, "Forbidden: application not found"), (answer.Status, answer.Msg));
    }

    private Task<RawAnswer> GoogleAsync(string code) =>
        Http.PostAsync("/v1/login/google/web", Bodies.Json(new
        {
            application_name = "kiwi-demo", code, redirect_uri = "https://app.example.com/callback",
            device = Bodies.Device(),
        }));
}
