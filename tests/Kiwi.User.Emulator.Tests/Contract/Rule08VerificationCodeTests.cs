using System.Net;
using Kiwi.User.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Kiwi.User.Emulator.Tests.Contract;

/// <summary>
/// Contract 7.8: code flows on the right paths; 6 digits, 10 minutes, single use for email; inspectable.
/// </summary>
public sealed class Rule08VerificationCodeTests : EmulatorTest
{
    private const string Email = "carol@example.com";
    private const string Phone = "+8613900000077";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-05-01T08:00:00Z"));

    protected override KiwiUserEmulatorOptions CreateOptions() =>
        new() { TimeProvider = _time, SigningKeyPem = TestKeys.Pkcs1Pem };

    [Fact]
    public async Task Email_verify_code_sends_a_six_digit_code_the_control_api_can_read()
    {
        var send = await SendEmailCodeAsync();
        var overHttp = await Http.GetAsync("/_emulator/codes/" + Uri.EscapeDataString(Email));

        Assert.Equal("{\"status\":\"success\",\"error\":null,\"data\":{\"success\":true}}", send.Body);
        Assert.Matches("^[0-9]{6}$", Control.LastVerificationCode(Email)!);
        Assert.Equal(Control.LastVerificationCode(Email), overHttp.Json.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Email_login_with_the_code_creates_the_user_and_the_code_is_single_use()
    {
        await SendEmailCodeAsync();
        var code = Control.LastVerificationCode(Email)!;

        var first = await EmailLoginAsync(code);
        var second = await EmailLoginAsync(code);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Matches("^[0-9]+$", first.Data.GetProperty("user_id").GetString()!);
        Assert.Equal("Forbidden: verification code not found", second.Msg);
    }

    [Fact]
    public async Task A_wrong_email_code_is_invalid_and_does_not_use_the_code_up()
    {
        await SendEmailCodeAsync();
        var code = Control.LastVerificationCode(Email)!;
        var wrong = code == "000000" ? "111111" : "000000";

        var guess = await EmailLoginAsync(wrong);
        var right = await EmailLoginAsync(code);

        Assert.Equal((HttpStatusCode.Forbidden, "Forbidden: invalid verification code"), (guess.Status, guess.Msg));
        Assert.Equal(HttpStatusCode.OK, right.Status);
    }

    [Fact]
    public async Task A_resent_email_code_replaces_the_earlier_one()
    {
        await SendEmailCodeAsync();
        var first = Control.LastVerificationCode(Email)!;
        string second;
        do
        {
            await SendEmailCodeAsync();
            second = Control.LastVerificationCode(Email)!;
        }
        while (second == first);

        var old = await EmailLoginAsync(first);
        var current = await EmailLoginAsync(second);

        Assert.Equal("Forbidden: invalid verification code", old.Msg);
        Assert.Equal(HttpStatusCode.OK, current.Status);
    }

    [Fact]
    public async Task An_email_code_expires_after_ten_minutes()
    {
        await SendEmailCodeAsync();
        var code = Control.LastVerificationCode(Email)!;

        _time.Advance(TimeSpan.FromMinutes(10));
        var atTen = await EmailLoginAsync("999999x");
        _time.Advance(TimeSpan.FromSeconds(1));
        var afterTen = await EmailLoginAsync(code);

        Assert.Equal("Forbidden: invalid verification code", atTen.Msg);
        Assert.Equal("Forbidden: verification code expired", afterTen.Msg);
    }

    [Fact]
    public async Task Email_login_without_a_sent_code_is_code_not_found_and_unknown_codes_are_unusable()
    {
        await Http.PostAsync("/v1/login/email/verify_code", Bodies.Json(new { email = Email, code_type = "unknown" }));

        var answer = await EmailLoginAsync(Control.LastVerificationCode(Email)!);

        Assert.Equal("Forbidden: verification code not found", answer.Msg);
    }

    [Fact]
    public async Task An_unsupported_code_type_is_500_and_a_bad_email_is_400()
    {
        const string path = "/v1/login/email/verify_code";

        var type = await Http.PostAsync(path, Bodies.Json(new { email = Email, code_type = "reset" }));
        var email = await Http.PostAsync(path, Bodies.Json(new { email = "nope", code_type = "login" }));

        Assert.Equal((HttpStatusCode.InternalServerError, "Server Internal Error"), (type.Status, type.Msg));
        Assert.Equal((HttpStatusCode.BadRequest, "Bad Request"), (email.Status, email.Msg));
    }

    [Fact]
    public async Task Phone_code_login_creates_a_user_named_user_and_five_letters()
    {
        await Http.PostAsync("/v1/login/phone/verify_code", Bodies.Json(new { phone = Phone }));
        var code = Control.LastVerificationCode(Phone)!;

        var login = await PhoneLoginAsync(code);
        var info = await Http.GetAsync("/v1/user/info", login.Data.AccessToken());

        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.Matches("^user_[a-z]{5}$", info.Data.GetProperty("name").GetString()!);
        Assert.Equal(Phone, info.Data.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task A_known_phone_logs_in_its_seed_user_and_a_wrong_code_is_invalid()
    {
        await Http.PostAsync("/v1/login/phone/verify_code", Bodies.Json(new { phone = "+8613800000001" }));

        var wrong = await Http.PostAsync("/v1/login/phone", Bodies.Json(new
        {
            application_name = "kiwi-demo", phone = "+8613800000001", verify_code = "abcdef", device = Bodies.Device(),
        }));
        var right = await Http.PostAsync("/v1/login/phone", Bodies.Json(new
        {
            application_name = "kiwi-demo", phone = "+8613800000001",
            verify_code = Control.LastVerificationCode("+8613800000001"), device = Bodies.Device(),
        }));

        Assert.Equal("Forbidden: invalid verification code", wrong.Msg);
        Assert.Equal(Bodies.Alice, right.Data.GetProperty("user_id").GetString());
    }

    [Fact]
    public async Task A_missing_phone_is_400_phone_is_required()
    {
        var answer = await Http.PostAsync("/v1/login/phone/verify_code", "{}");

        Assert.Equal("Bad Request: phone is required", answer.Msg);
    }

    private Task<RawAnswer> SendEmailCodeAsync() =>
        Http.PostAsync("/v1/login/email/verify_code", Bodies.Json(new { email = Email, code_type = "login" }));

    private Task<RawAnswer> EmailLoginAsync(string code) =>
        Http.PostAsync("/v1/login/email", Bodies.Json(new
        {
            application_name = "kiwi-demo", email = Email, verify_code = code, device = Bodies.Device(),
        }));

    private Task<RawAnswer> PhoneLoginAsync(string code) =>
        Http.PostAsync("/v1/login/phone", Bodies.Json(new
        {
            application_name = "kiwi-demo", phone = Phone, verify_code = code, device = Bodies.Device(),
        }));
}
