using System.Net;
using System.Net.Http.Headers;
using Kiwi.User.Emulator.Tests.Support;

namespace Kiwi.User.Emulator.Tests;

/// <summary>Bad input to every JSON endpoint gets kiwi's 400, never a 500, and never stops the emulator.</summary>
public sealed class BadInputTests : EmulatorTest
{
    private static readonly (string Method, string Path, bool Auth, string[] Fields)[] Endpoints =
    [
        ("POST", "/v1/login/password", false, ["application_name", "name", "password", "device"]),
        ("POST", "/v1/login/organization", false, ["organization_id", "user_id", "refresh_token", "device"]),
        ("POST", "/v1/login/phone/verify_code", false, ["phone"]),
        ("POST", "/v1/login/phone", false, ["application_name", "phone", "verify_code", "device"]),
        ("POST", "/v1/login/email/verify_code", false, ["email", "code_type"]),
        ("POST", "/v1/login/email", false, ["application_name", "email", "verify_code", "device"]),
        ("POST", "/v1/login/google/web", false,
            ["application_name", "code", "redirect_uri", "device", "referral_channel"]),
        ("POST", "/v1/login/wechat/miniprogram", false,
            ["application_name", "code", "device", "referral_channel", "mini_program_phone_code"]),
        ("POST", "/v1/token/verify", false, ["access_token"]),
        ("POST", "/v1/token/refresh", false, ["user_id", "refresh_token", "device"]),
        ("PUT", "/v1/user/info", true, ["display_name", "avatar", "department"]),
        ("POST", "/v1/user/logout", true, ["refresh_token", "device"]),
        ("POST", "/v1/user/organization_application/request", true,
            ["application", "name", "brand_short_name", "primary_business", "usage_scenario", "org_role_name"]),
        ("POST", "/internal/user/infos", false, ["user_ids"]),
        ("POST", "/internal/organization/infos", false, ["org_ids"]),
    ];

    private static readonly string[] NotObjects =
        ["", " \n", "not json", "[]", "[{}]", "123", "\"text\"", "true", "{", "{\"a\":}", "{\"a\" 1}", "{'a':1}"];

    public static TheoryData<string, string> EndpointsAndBodies()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, path, _, _) in Endpoints)
        {
            foreach (var body in NotObjects)
            {
                data.Add(method + " " + path, body);
            }
        }

        return data;
    }

    public static TheoryData<string, string> EndpointsAndFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, path, _, fields) in Endpoints)
        {
            foreach (var field in fields)
            {
                data.Add(method + " " + path, field);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EndpointsAndBodies))]
    public async Task A_body_that_is_not_a_JSON_object_is_400_Bad_Request(string endpoint, string body)
    {
        var answer = await SendAsync(endpoint, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(Envelope.Error(20002, "Bad Request"), answer.Body);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/ping")).Status);
    }

    [Theory]
    [MemberData(nameof(EndpointsAndFields))]
    public async Task A_field_of_the_wrong_type_is_400_Bad_Request(string endpoint, string field)
    {
        var wrong = field is "device" or "referral_channel" ? "\"text\"" : field.EndsWith("_ids") ? "\"x\"" : "42";

        var answer = await SendAsync(endpoint, "{\"" + field + "\":" + wrong + "}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("Bad Request", answer.Msg);
    }

    [Theory]
    [InlineData("{\"device\":{\"device_type\":1,\"device_id\":\"d\"}}", "/v1/token/refresh")]
    [InlineData("{\"user_ids\":[1]}", "/internal/user/infos")]
    [InlineData("{\"referral_channel\":{\"type\":1}}", "/v1/login/google/web")]
    public async Task Nested_wrong_types_are_400_too(string body, string path)
    {
        var answer = await Http.PostAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }

    [Fact]
    public async Task Invalid_UTF8_inside_a_string_is_read_as_Go_reads_it()
    {
        var bytes = "{\"access_token\":\"A"u8.ToArray().Concat(new byte[] { 0xFF }).Concat("\"}"u8.ToArray()).ToArray();
        using var invalid = new ByteArrayContent(bytes);
        invalid.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await Http.Client.PostAsync("/v1/token/verify", invalid);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"success\":false", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Deeply_nested_and_large_bodies_do_not_break_the_emulator()
    {
        var deep = new string('[', 5000) + new string(']', 5000);
        var large = "{\"access_token\":\"" + new string('a', 2_000_000) + "\"}";

        var deepAnswer = await Http.PostAsync("/v1/token/verify", "{\"access_token\":\"x\",\"other\":" + deep + "}");
        var largeAnswer = await Http.PostAsync("/v1/token/verify", large);

        Assert.Equal(HttpStatusCode.OK, deepAnswer.Status);
        Assert.Equal(HttpStatusCode.OK, largeAnswer.Status);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/ping")).Status);
    }

    [Fact]
    public async Task Authenticated_endpoints_answer_401_before_reading_a_bad_body()
    {
        var answer = await Http.PostAsync("/v1/user/logout", "not json");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
    }

    private Task<RawAnswer> SendAsync(string endpoint, string body)
    {
        var (method, path, auth, _) = Endpoints.Single(e => e.Method + " " + e.Path == endpoint);
        var token = auth ? Control.IssueAccessToken(Bodies.Alice) : null;
        return Http.SendAsync(new HttpMethod(method), path, body, token);
    }
}
