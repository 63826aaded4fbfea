using System.Net;
using Kiwi.User.Emulator.Tests.Support;

namespace Kiwi.User.Emulator.Tests.Contract;

/// <summary>
/// Contract 7.3: 200 + success false for bad, expired or unknown-user tokens; 400 for a non-JSON body.
/// </summary>
public sealed class Rule03VerifyTests : EmulatorTest
{
    private static readonly string NotVerified = Envelope.Success("{\"success\":false,\"user_info\":null}");

    [Theory]
    [InlineData("{\"access_token\":\"\"}")]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("{\"access_token\":\"a.b\"}")]
    [InlineData("{\"access_token\":\"a.b.c.d\"}")]
    [InlineData("{\"access_token\":\"eyJ0eXBlIjoiand0IiwiYWxnIjoiUlMyNTYifQ.e30.!!!\"}")]
    [InlineData("{\"access_token\":\"eyJ0eXBlIjoiand0IiwiYWxnIjoiUlMyNTYifQ.e30.AAAA\"}")]
    [InlineData("{\"access_token\":\"..\"}")]
    [InlineData("{\"access_token\":\"a.b.c\\r\\n\"}")]
    public async Task Bad_tokens_answer_200_success_false_with_user_info_null(string body)
    {
        var answer = await Http.PostAsync("/v1/token/verify", body);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(NotVerified, answer.Body);
    }

    [Fact]
    public async Task Signatures_of_every_wrong_length_are_simply_not_verified()
    {
        var parts = Control.IssueAccessToken(Bodies.Alice).Split('.');

        foreach (var length in new[] { 1, 2, 3, 100, 255, 256, 257, 512, 4096 })
        {
            var signature = System.Buffers.Text.Base64Url.EncodeToString(new byte[length]);
            var answer = await Http.PostAsync(
                "/v1/token/verify", Bodies.Verify(parts[0] + "." + parts[1] + "." + signature));

            Assert.Equal(NotVerified, answer.Body);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("\"token\"")]
    [InlineData("{\"access_token\":42}")]
    [InlineData("{\"access_token\":[\"x\"]}")]
    [InlineData("{\"access_token\":")]
    public async Task A_body_that_is_not_a_JSON_object_or_has_wrong_types_is_400(string body)
    {
        var answer = await Http.PostAsync("/v1/token/verify", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(20002, answer.Code);
    }

    [Fact]
    public async Task An_expired_token_is_not_verified()
    {
        var token = Control.IssueAccessToken(Bodies.Alice, lifetime: TimeSpan.FromSeconds(-5));

        var answer = await Http.PostAsync("/v1/token/verify", Bodies.Verify(token));

        Assert.Equal(NotVerified, answer.Body);
    }

    [Fact]
    public async Task A_token_of_an_unknown_or_removed_user_is_not_verified()
    {
        var unknown = Control.IssueAccessToken("1111111111111111111");
        var bobs = Control.IssueAccessToken(Bodies.Bob);
        Assert.True(Control.RemoveUser(Bodies.Bob));

        Assert.Equal(NotVerified, (await Http.PostAsync("/v1/token/verify", Bodies.Verify(unknown))).Body);
        Assert.Equal(NotVerified, (await Http.PostAsync("/v1/token/verify", Bodies.Verify(bobs))).Body);
    }

    [Fact]
    public async Task Tokens_of_a_rotated_out_key_fail_and_new_ones_pass()
    {
        var old = Control.IssueAccessToken(Bodies.Alice);
        var oldKey = Control.PublicKeyPem;

        Control.RotateSigningKey();
        var fresh = Control.IssueAccessToken(Bodies.Alice);

        Assert.NotEqual(oldKey, Control.PublicKeyPem);
        Assert.Equal(NotVerified, (await Http.PostAsync("/v1/token/verify", Bodies.Verify(old))).Body);
        Assert.True((await Http.PostAsync("/v1/token/verify", Bodies.Verify(fresh))).Data.GetProperty("success")
            .GetBoolean());
    }

    [Fact]
    public async Task Verify_ignores_type_issuer_and_logout()
    {
        var login = await Http.LoginAsync("alice", "alice-password");
        await Http.PostAsync("/v1/user/logout",
            Bodies.Json(new { refresh_token = login.RefreshToken(), device = Bodies.Device() }), login.AccessToken());

        var answer = await Http.PostAsync("/v1/token/verify", Bodies.Verify(login.AccessToken()));

        Assert.True(answer.Data.GetProperty("success").GetBoolean());
        Assert.Equal(Bodies.Alice, answer.Data.GetProperty("user_info").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Verify_and_authenticated_routes_ignore_the_header_type_issuer_and_device()
    {
        var payload = "{\"type\":\"refresh\",\"iat\":1,\"exp\":4102444800,\"sub\":\"" + Bodies.Alice
            + "\",\"iss\":\"another-app\",\"roles\":\"\",\"scopes\":[],\"device_type\":\"tv\","
            + "\"device_id\":\"never-logged-in\",\"organization_id\":\"\"}";
        var token = Jwt.Sign("{\"alg\":\"none\"}", payload, TestKeys.Pkcs1Pem);

        var verify = await Http.PostAsync("/v1/token/verify", Bodies.Verify(token));
        var info = await Http.GetAsync("/v1/user/info", token);

        Assert.True(verify.Data.GetProperty("success").GetBoolean());
        Assert.Equal(Bodies.Alice, verify.Data.GetProperty("user_info").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, info.Status);
    }

    [Fact]
    public async Task Only_the_first_JSON_value_counts_and_field_names_match_case_insensitively()
    {
        var token = Control.IssueAccessToken(Bodies.Alice);

        var trailing = await Http.PostAsync("/v1/token/verify", Bodies.Verify(token) + " trailing garbage");
        var upper = await Http.PostAsync("/v1/token/verify", "{\"ACCESS_TOKEN\":\"" + token + "\"}");

        Assert.True(trailing.Data.GetProperty("success").GetBoolean());
        Assert.True(upper.Data.GetProperty("success").GetBoolean());
    }
}
