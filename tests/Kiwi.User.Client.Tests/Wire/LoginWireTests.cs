using System.Text.Json;
using Kiwi.User.Client.Models;
using Kiwi.User.Client.Models.Requests;
using Kiwi.User.Client.Tests.Fakes;

namespace Kiwi.User.Client.Tests.Wire;

public sealed class LoginWireTests
{
    private readonly RecordingHandler handler = new();

    [Fact]
    public async Task Password_login_posts_name_not_username_and_reads_the_tokens()
    {
        var client = Fakes.Wire.Client(handler.AnswerData(Fakes.Wire.Login()));

        var login = await client.LoginWithPasswordAsync(
            new PasswordLoginRequest("kiwi-demo", "alice", "alice-password", Fakes.Wire.Device));

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/base/v1/login/password", request.PathAndQuery);
        Assert.Equal(
            """{"application_name":"kiwi-demo","name":"alice","password":"alice-password",""" +
            "\"device\":{\"device_type\":\"web\",\"device_id\":\"device-1\"}}",
            request.Body);
        Assert.Equal(Fakes.Wire.UserId, login.UserId);
        Assert.Equal(Fakes.Wire.RefreshToken, login.RefreshToken);
        Assert.Equal(1_800_000_600, login.AccessTokenExpiresAt);
        Assert.Equal("Bearer", login.TokenType);
    }

    [Fact]
    public async Task Organization_login_posts_the_refresh_token_and_no_access_token()
    {
        var client = Fakes.Wire.Client(handler.AnswerData(Fakes.Wire.Login()));

        await client.LoginToOrganizationAsync(new OrganizationLoginRequest(
            "0b7e5a1c-9f3d-4c2b-8e6a-5d4c3b2a1f0e", Fakes.Wire.UserId, Fakes.Wire.RefreshToken, Fakes.Wire.Device));

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/base/v1/login/organization", request.PathAndQuery);
        Assert.Null(request.Authorization);
        Assert.Equal(["organization_id", "user_id", "refresh_token", "device"], Keys(request.Body));
    }

    [Fact]
    public async Task Phone_code_is_sent_by_the_verify_code_path_with_only_the_phone()
    {
        var client = Fakes.Wire.Client(handler.AnswerData(Fakes.Wire.Success));

        await client.SendPhoneCodeAsync(new PhoneCodeRequest("+8613800000000"));

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/base/v1/login/phone/verify_code", request.PathAndQuery);
        Assert.Equal(["phone"], Keys(request.Body));
        using var json = JsonDocument.Parse(request.Body!);
        Assert.Equal("+8613800000000", json.RootElement.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task Phone_login_posts_the_code_to_the_login_path()
    {
        var client = Fakes.Wire.Client(handler.AnswerData(Fakes.Wire.Login()));

        await client.LoginWithPhoneAsync(
            new PhoneLoginRequest("kiwi-demo", "+8613800000000", "123456", Fakes.Wire.Device));

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/base/v1/login/phone", request.PathAndQuery);
        Assert.Equal(["application_name", "phone", "verify_code", "device"], Keys(request.Body));
    }

    [Fact]
    public async Task Email_code_is_sent_by_the_verify_code_path_with_the_login_code_type()
    {
        var client = Fakes.Wire.Client(handler.AnswerData(Fakes.Wire.Success));

        await client.SendEmailCodeAsync(new EmailCodeRequest("alice@example.com"));

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/base/v1/login/email/verify_code", request.PathAndQuery);
        Assert.Equal("""{"email":"alice@example.com","code_type":"login"}""", request.Body);
    }

    [Fact]
    public async Task Email_login_posts_the_code_to_the_login_path()
    {
        var client = Fakes.Wire.Client(handler.AnswerData(Fakes.Wire.Login()));

        await client.LoginWithEmailAsync(
            new EmailLoginRequest("kiwi-demo", "alice@example.com", "123456", Fakes.Wire.Device));

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/base/v1/login/email", request.PathAndQuery);
        Assert.Equal(["application_name", "email", "verify_code", "device"], Keys(request.Body));
    }

    [Fact]
    public async Task Google_login_sends_the_referral_channel_as_an_object()
    {
        var client = Fakes.Wire.Client(handler.AnswerData(Fakes.Wire.Login()));

        await client.LoginWithGoogleAsync(
            new GoogleWebLoginRequest("kiwi-demo", "oauth-code", "https://app.example.com/cb", Fakes.Wire.Device)
            {
                ReferralChannel = new ReferralChannel("ad", "42", "spring"),
            });

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/base/v1/login/google/web", request.PathAndQuery);
        Assert.Equal(["application_name", "code", "redirect_uri", "device", "referral_channel"], Keys(request.Body));
        using var json = JsonDocument.Parse(request.Body!);
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("referral_channel").ValueKind);
        Assert.Equal("spring", json.RootElement.GetProperty("referral_channel").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Google_login_leaves_out_a_missing_referral_channel()
    {
        var client = Fakes.Wire.Client(handler.AnswerData(Fakes.Wire.Login()));

        await client.LoginWithGoogleAsync(
            new GoogleWebLoginRequest("kiwi-demo", "oauth-code", "https://app.example.com/cb", Fakes.Wire.Device));

        Assert.DoesNotContain("referral_channel", Keys(Assert.Single(handler.Requests).Body));
    }

    [Fact]
    public async Task Mini_program_login_sends_the_phone_code_when_given()
    {
        var client = Fakes.Wire.Client(handler.AnswerData(Fakes.Wire.Login()));

        await client.LoginWithWeChatMiniProgramAsync(
            new WeChatMiniProgramLoginRequest("kiwi-demo", "wx-code", Fakes.Wire.Device)
            {
                MiniProgramPhoneCode = "p",
            });

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/base/v1/login/wechat/miniprogram", request.PathAndQuery);
        Assert.Equal(["application_name", "code", "device", "mini_program_phone_code"], Keys(request.Body));
    }

    [Fact]
    public async Task WeChat_web_login_sends_state_as_json_text_and_code_in_the_query_without_a_body()
    {
        var client = Fakes.Wire.Client(handler.AnswerData(Fakes.Wire.Login()));
        var state = new WeChatWebLoginState("kiwi-demo", Fakes.Wire.Device, "pc")
        {
            ReferralChannel = new ReferralChannel("ad", "42", "a&b"),
        };

        await client.LoginWithWeChatWebAsync(state, "wx code");

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Null(request.Body);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + request.PathAndQuery).Query);
        Assert.Equal("wx code", query["code"]);
        using var json = JsonDocument.Parse(query["state"]!);
        Assert.Equal("kiwi-demo", json.RootElement.GetProperty("application_name").GetString());
        Assert.Equal("device-1", json.RootElement.GetProperty("device").GetProperty("device_id").GetString());
        Assert.Equal("pc", json.RootElement.GetProperty("platform").GetString());
        Assert.Equal("a&b", json.RootElement.GetProperty("referral_channel").GetProperty("name").GetString());
    }

    internal static string[] Keys(string? body)
    {
        using var json = JsonDocument.Parse(body!);
        return [.. json.RootElement.EnumerateObject().Select(p => p.Name)];
    }
}
