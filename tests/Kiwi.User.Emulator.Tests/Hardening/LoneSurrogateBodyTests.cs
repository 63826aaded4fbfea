using System.Net;
using Kiwi.User.Emulator.Tests.Support;

namespace Kiwi.User.Emulator.Tests.Hardening;

/// <summary>A JSON escape that is not valid UTF-16 (a lone surrogate such as <c>\ud800</c>) is valid JSON. Go's
/// decoder reads it as U+FFFD; the emulator must too, not answer 500.</summary>
public sealed class LoneSurrogateBodyTests : EmulatorTest
{
    private const string Device = """ "device":{"device_type":"web\ud800","device_id":"d"}}""";

    [Fact]
    public async Task Verify_reads_a_lone_surrogate_token_as_Go_does_and_answers_not_verified()
    {
        var answer = await Http.PostAsync("/v1/token/verify", """{"access_token":"\ud800"}""");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("\"success\":false", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_login_with_a_lone_surrogate_name_is_403_user_not_found()
    {
        var answer = await Http.PostAsync("/v1/login/password", """
            {"application_name":"kiwi-demo","name":"alice\udc00","password":"alice-password",
             "device":{"device_type":"web","device_id":"d"}}
            """);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("Forbidden: user not found", answer.Msg);
    }

    [Fact]
    public async Task A_key_with_a_lone_surrogate_is_an_unknown_key_and_ignored()
    {
        var answer = await Http.PostAsync("/v1/login/password", """
            {"\ud800":"x","application_name":"kiwi-demo","name":"alice","password":"alice-password",
             "device":{"device_type":"web","device_id":"d"}}
            """);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Theory]
    [InlineData("/v1/login/email/verify_code", """{"email":"\ud800@example.com","code_type":"login"}""")]
    [InlineData("/v1/login/email", """{"application_name":"k","email":"a\ud800@x.com","verify_code":"1",""" + Device)]
    [InlineData("/v1/login/phone/verify_code", """{"phone":"\ud800"}""")]
    [InlineData("/v1/login/phone", """{"application_name":"kiwi-demo","phone":"\ud800","verify_code":"1",""" + Device)]
    [InlineData("/internal/user/infos", """{"user_ids":["\ud800"]}""")]
    [InlineData("/v1/token/refresh", """{"user_id":"\ud800","refresh_token":"\udfff",""" + Device)]
    public async Task No_endpoint_answers_500_for_a_lone_surrogate(string path, string body)
    {
        var answer = await Http.PostAsync(path, body);

        Assert.NotEqual(HttpStatusCode.InternalServerError, answer.Status);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/ping")).Status);
    }
}
