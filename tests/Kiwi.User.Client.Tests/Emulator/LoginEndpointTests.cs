using System.Net;
using Kiwi.User.Client.Models;
using Kiwi.User.Client.Models.Requests;

namespace Kiwi.User.Client.Tests.Emulator;

public sealed class LoginEndpointTests : EmulatorClientTest
{
    [Fact]
    public async Task Password_login_returns_the_devices_tokens()
    {
        var login = await LoginAliceAsync();

        Assert.Equal(AliceId, login.UserId);
        Assert.Equal(("web", "client-tests"), (login.DeviceType, login.DeviceId));
        Assert.Equal("Bearer", login.TokenType);
        Assert.Matches("^[0-9a-f]{40}$", login.RefreshToken);
        Assert.Equal(3, login.AccessToken.Split('.').Length);
        Assert.Equal(86400 - 600, login.RefreshTokenExpiresAt - login.AccessTokenExpiresAt);
    }

    [Fact]
    public async Task Password_login_with_a_wrong_password_is_forbidden_as_user_not_found()
    {
        var exception = await Assert.ThrowsAsync<KiwiUserForbiddenException>(() => Client.LoginWithPasswordAsync(
            new PasswordLoginRequest(Application, "alice", "wrong", Device)));

        Assert.Equal(KiwiErrorCodes.Forbidden, exception.Code);
        Assert.Equal("Forbidden: user not found", exception.KiwiMessage);
    }

    [Fact]
    public async Task Password_login_of_an_unknown_user_is_forbidden_as_user_not_found()
    {
        var exception = await Assert.ThrowsAsync<KiwiUserForbiddenException>(() => Client.LoginWithPasswordAsync(
            new PasswordLoginRequest(Application, "mallory", "alice-password", Device)));

        Assert.Equal("Forbidden: user not found", exception.KiwiMessage);
    }

    [Fact]
    public async Task Password_login_to_an_unknown_application_is_forbidden()
    {
        var exception = await Assert.ThrowsAsync<KiwiUserForbiddenException>(() => Client.LoginWithPasswordAsync(
            new PasswordLoginRequest("no-such-app", "alice", "alice-password", Device)));

        Assert.Equal("Forbidden: application not found", exception.KiwiMessage);
    }

    [Fact]
    public async Task Password_login_without_a_password_is_a_bad_request()
    {
        var exception = await Assert.ThrowsAsync<KiwiUserException>(() => Client.LoginWithPasswordAsync(
            new PasswordLoginRequest(Application, "alice", "", Device)));

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal(KiwiErrorCodes.BadRequest, exception.Code);
        Assert.Equal("Bad Request", exception.KiwiMessage);
    }

    [Fact]
    public async Task A_second_login_of_the_same_device_kills_its_earlier_refresh_token()
    {
        var first = await LoginAliceAsync();
        await LoginAliceAsync();

        var exception = await Assert.ThrowsAsync<KiwiUserForbiddenException>(
            () => Client.RefreshAsync(new RefreshTokenRequest(AliceId, first.RefreshToken, Device)));

        Assert.Equal("Forbidden: invalid refresh token", exception.KiwiMessage);
    }

    [Fact]
    public async Task Organization_login_puts_the_organization_in_a_new_access_token_and_keeps_the_refresh_token()
    {
        var login = await LoginAliceAsync();

        var organization = await Client.LoginToOrganizationAsync(
            new OrganizationLoginRequest(DemoOrganization, AliceId, login.RefreshToken, Device));
        var verdict = await Client.VerifyTokenAsync(organization.AccessToken);

        Assert.Equal(login.RefreshToken, organization.RefreshToken);
        Assert.Equal(login.RefreshTokenExpiresAt, organization.RefreshTokenExpiresAt);
        Assert.Equal(DemoOrganization, verdict.UserInfo!.CurrentOrganizationId);
    }

    [Fact]
    public async Task Organization_login_with_a_non_uuid_is_a_bad_request()
    {
        var login = await LoginAliceAsync();

        var exception = await Assert.ThrowsAsync<KiwiUserException>(() => Client.LoginToOrganizationAsync(
            new OrganizationLoginRequest("not-a-uuid", AliceId, login.RefreshToken, Device)));

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal("Bad Request: invalid organization id", exception.KiwiMessage);
    }

    [Fact]
    public async Task Organization_login_of_a_non_member_is_forbidden()
    {
        var login = await Client.LoginWithPasswordAsync(
            new PasswordLoginRequest(Application, "bob", "bob-password", Device));

        var exception = await Assert.ThrowsAsync<KiwiUserForbiddenException>(() => Client.LoginToOrganizationAsync(
            new OrganizationLoginRequest(DemoOrganization, BobId, login.RefreshToken, Device)));

        Assert.Equal("Forbidden: user not in organization", exception.KiwiMessage);
    }

    [Fact]
    public async Task Organization_login_with_a_wrong_refresh_token_is_forbidden()
    {
        await LoginAliceAsync();

        var exception = await Assert.ThrowsAsync<KiwiUserForbiddenException>(() => Client.LoginToOrganizationAsync(
            new OrganizationLoginRequest(DemoOrganization, AliceId, new string('0', 40), Device)));

        Assert.Equal("Forbidden: invalid refresh token", exception.KiwiMessage);
    }

    [Fact]
    public async Task Organization_login_of_an_unknown_device_is_forbidden()
    {
        var login = await LoginAliceAsync();

        var exception = await Assert.ThrowsAsync<KiwiUserForbiddenException>(() => Client.LoginToOrganizationAsync(
            new OrganizationLoginRequest(
                DemoOrganization, AliceId, login.RefreshToken, new KiwiDevice("web", "other"))));

        Assert.Equal("Forbidden: device not found", exception.KiwiMessage);
    }

    [Fact]
    public async Task Email_login_works_with_the_code_sent_to_the_address_and_only_once()
    {
        await Client.SendEmailCodeAsync(new EmailCodeRequest("alice@example.com"));
        var code = Control.LastVerificationCode("alice@example.com");
        var request = new EmailLoginRequest(Application, "alice@example.com", code!, Device);

        var login = await Client.LoginWithEmailAsync(request);
        var again = await Assert.ThrowsAsync<KiwiUserForbiddenException>(() => Client.LoginWithEmailAsync(request));

        Assert.Matches("^[0-9]{6}$", code);
        Assert.Equal(AliceId, login.UserId);
        Assert.Equal("Forbidden: verification code not found", again.KiwiMessage);
    }

    [Fact]
    public async Task Email_login_with_a_wrong_code_is_forbidden()
    {
        await Client.SendEmailCodeAsync(new EmailCodeRequest("alice@example.com"));
        var code = Control.LastVerificationCode("alice@example.com")!;
        var wrong = code == "000000" ? "111111" : "000000";

        var exception = await Assert.ThrowsAsync<KiwiUserForbiddenException>(() => Client.LoginWithEmailAsync(
            new EmailLoginRequest(Application, "alice@example.com", wrong, Device)));

        Assert.StartsWith("Forbidden: invalid verification code", exception.KiwiMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Email_login_without_a_code_sent_is_forbidden()
    {
        var exception = await Assert.ThrowsAsync<KiwiUserForbiddenException>(() => Client.LoginWithEmailAsync(
            new EmailLoginRequest(Application, "nobody@example.com", "123456", Device)));

        Assert.Equal("Forbidden: verification code not found", exception.KiwiMessage);
    }

    [Fact]
    public async Task Email_code_for_a_malformed_address_is_refused()
    {
        var exception = await Assert.ThrowsAsync<KiwiUserException>(
            () => Client.SendEmailCodeAsync(new EmailCodeRequest("not-an-email")));

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
    }

    [Fact]
    public async Task Phone_login_works_with_the_code_sent_by_sms()
    {
        await Client.SendPhoneCodeAsync(new PhoneCodeRequest("+8613800000002"));
        var code = Control.LastVerificationCode("+8613800000002");

        var login = await Client.LoginWithPhoneAsync(
            new PhoneLoginRequest(Application, "+8613800000002", code!, Device));

        Assert.Equal(BobId, login.UserId);
    }

    [Fact]
    public async Task Phone_login_with_a_wrong_code_is_forbidden()
    {
        await Client.SendPhoneCodeAsync(new PhoneCodeRequest("+8613800000002"));
        var code = Control.LastVerificationCode("+8613800000002")!;
        var wrong = code == "000000" ? "111111" : "000000";

        var exception = await Assert.ThrowsAsync<KiwiUserForbiddenException>(() => Client.LoginWithPhoneAsync(
            new PhoneLoginRequest(Application, "+8613800000002", wrong, Device)));

        Assert.Equal("Forbidden: invalid verification code", exception.KiwiMessage);
    }

    [Fact]
    public async Task Phone_code_without_a_phone_is_a_bad_request()
    {
        var exception = await Assert.ThrowsAsync<KiwiUserException>(
            () => Client.SendPhoneCodeAsync(new PhoneCodeRequest("")));

        Assert.Equal("Bad Request: phone is required", exception.KiwiMessage);
    }

    [Fact]
    public async Task Google_login_with_a_known_code_logs_the_user_in()
    {
        var login = await Client.LoginWithGoogleAsync(new GoogleWebLoginRequest(
            Application, "google-code-alice", "https://app.example.com/callback", Device)
        {
            ReferralChannel = new ReferralChannel("ad", "1", "spring"),
        });

        Assert.Equal(AliceId, login.UserId);
    }

    [Fact]
    public async Task Google_login_with_an_unknown_code_fails_as_kiwi_user_does()
    {
        await Assert.ThrowsAsync<KiwiUserUnavailableException>(() => Client.LoginWithGoogleAsync(
            new GoogleWebLoginRequest(Application, "bad-code", "https://app.example.com/callback", Device)));
    }

    [Fact]
    public async Task Google_login_without_a_redirect_uri_is_a_bad_request()
    {
        var exception = await Assert.ThrowsAsync<KiwiUserException>(() => Client.LoginWithGoogleAsync(
            new GoogleWebLoginRequest(Application, "google-code-alice", "", Device)));

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal("Bad Request", exception.KiwiMessage);
    }

    [Fact]
    public async Task WeChat_mini_program_login_with_a_known_code_logs_the_user_in()
    {
        var login = await Client.LoginWithWeChatMiniProgramAsync(
            new WeChatMiniProgramLoginRequest(Application, "wechat-code-bob", Device));

        Assert.Equal(BobId, login.UserId);
    }

    [Fact]
    public async Task WeChat_web_login_sends_state_and_code_as_query_parameters()
    {
        var login = await Client.LoginWithWeChatWebAsync(
            new WeChatWebLoginState(Application, Device, "pc"), "wechat-code-alice");

        Assert.Equal(AliceId, login.UserId);
        Assert.Equal("client-tests", login.DeviceId);
    }

    [Fact]
    public async Task WeChat_web_login_with_an_unknown_code_fails_as_kiwi_user_does()
    {
        await Assert.ThrowsAsync<KiwiUserUnavailableException>(() => Client.LoginWithWeChatWebAsync(
            new WeChatWebLoginState(Application, Device, "pc"), "bad-code"));
    }
}
