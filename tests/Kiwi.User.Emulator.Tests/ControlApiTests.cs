using System.Net;
using Kiwi.User.Emulator.Tests.Support;

namespace Kiwi.User.Emulator.Tests;

/// <summary>The HTTP control API under /_emulator/.</summary>
public sealed class ControlApiTests : EmulatorTest
{
    [Fact]
    public async Task Faults_can_be_injected_listed_and_cleared_over_HTTP()
    {
        var inject = await Http.PostAsync("/_emulator/faults",
            "{\"path\":\"/ping\",\"kind\":\"status\",\"status_code\":429,\"count\":1}");
        var listed = await Http.GetAsync("/_emulator/faults");
        var hit = await Http.GetAsync("/ping");
        await Http.PostAsync("/_emulator/faults", "{\"path\":\"*\",\"kind\":\"Html\"}");
        var cleared = await Http.SendAsync(HttpMethod.Delete, "/_emulator/faults", null);
        var after = await Http.GetAsync("/ping");

        Assert.Equal(HttpStatusCode.OK, inject.Status);
        Assert.Equal(
            "[{\"path\":\"/ping\",\"kind\":\"Status\",\"latency_ms\":0,\"status_code\":429,\"count\":1,"
            + "\"duration_ms\":null}]",
            listed.Body);
        Assert.Equal((HttpStatusCode.TooManyRequests, 20006), (hit.Status, hit.Code));
        Assert.Equal(HttpStatusCode.OK, cleared.Status);
        Assert.Equal(HttpStatusCode.OK, after.Status);
    }

    [Fact]
    public async Task Counters_are_readable_and_resettable_over_HTTP_and_control_calls_are_not_counted()
    {
        await Http.GetAsync("/ping");
        await Http.GetAsync("/nope");

        var counters = await Http.GetAsync("/_emulator/counters");
        await Http.SendAsync(HttpMethod.Delete, "/_emulator/counters", null);

        Assert.Equal("{\"/nope\":1,\"/ping\":1}", counters.Body);
        Assert.Equal(0, Control.RequestCount("/ping"));
    }

    [Fact]
    public async Task Users_can_be_added_and_removed_over_HTTP()
    {
        var add = await Http.PostAsync("/_emulator/users", Bodies.Json(new
        {
            id = "1864213360487714970", application = "kiwi-demo", name = "erin", password = "erin-password",
            role = "user", organizations = new[] { new { id = Bodies.DemoOrg, role = "member" } },
        }));
        var login = await Http.LoginAsync("erin", "erin-password");
        var remove = await Http.SendAsync(HttpMethod.Delete, "/_emulator/users/1864213360487714970", null);
        var again = await Http.SendAsync(HttpMethod.Delete, "/_emulator/users/1864213360487714970", null);
        var verify = await Http.PostAsync("/v1/token/verify", Bodies.Verify(login.AccessToken()));

        Assert.Equal(HttpStatusCode.OK, add.Status);
        Assert.Equal("1864213360487714970", login.GetProperty("user_id").GetString());
        Assert.Equal(HttpStatusCode.OK, remove.Status);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.False(verify.Data.GetProperty("success").GetBoolean());
    }

    [Theory]
    [InlineData("{\"id\":\"abc\",\"application\":\"kiwi-demo\",\"name\":\"x\"}")]
    [InlineData("{\"id\":\"1\",\"application\":\"kiwi-demo\",\"name\":\"x\",\"role\":\"ghost\"}")]
    [InlineData("{\"id\":\"1\",\"application\":\"kiwi-demo\",\"name\":\"x\",\"organizations\":[{\"id\":\"nope\"}]}")]
    [InlineData("{\"application\":\"kiwi-demo\",\"name\":\"x\"}")]
    [InlineData("not json")]
    public async Task A_bad_user_is_refused_with_400_and_a_reason(string body)
    {
        var answer = await Http.PostAsync("/_emulator/users", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.False(string.IsNullOrEmpty(answer.Json.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Reset_restores_the_seed_and_ends_sessions()
    {
        var login = await Http.LoginAsync("alice", "alice-password");
        Control.RemoveUser(Bodies.Bob);

        var reset = await Http.PostAsync("/_emulator/reset", "");
        var refresh = await Http.PostAsync("/v1/token/refresh", Bodies.Refresh(login));

        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.Equal("Forbidden: device not found", refresh.Msg);
        var bob = await Http.GetAsync("/v1/user/info", Control.IssueAccessToken(Bodies.Bob));
        Assert.Equal(HttpStatusCode.OK, bob.Status);
    }

    [Fact]
    public async Task Rotating_the_key_over_HTTP_returns_the_new_public_key_and_old_tokens_fail()
    {
        var old = Control.IssueAccessToken(Bodies.Alice);

        var rotate = await Http.PostAsync("/_emulator/signing-key/rotate", "");
        var verify = await Http.PostAsync("/v1/token/verify", Bodies.Verify(old));
        var published = await Http.GetAsync("/v1/token/publickey");

        Assert.Equal(rotate.Json.GetProperty("public_key").GetString(),
            published.Data.GetProperty("public_key").GetString());
        Assert.False(verify.Data.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Tokens_can_be_minted_over_HTTP()
    {
        var answer = await Http.PostAsync("/_emulator/tokens",
            Bodies.Json(new { user_id = Bodies.Alice, organization_id = Bodies.DemoOrg, lifetime_seconds = 60 }));

        var token = answer.Json.GetProperty("access_token").GetString()!;
        Assert.Contains("\"organization_id\":\"" + Bodies.DemoOrg + "\"", Jwt.PayloadText(token));
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/v1/user/info", token)).Status);
    }

    [Fact]
    public async Task Reading_a_code_that_was_never_sent_is_404()
    {
        var answer = await Http.GetAsync("/_emulator/codes/nobody%40example.com");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Null(Control.LastVerificationCode("nobody@example.com"));
    }

    [Fact]
    public async Task An_unknown_control_route_is_404_with_a_reason()
    {
        var answer = await Http.GetAsync("/_emulator/nothing");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Contains("unknown control route", answer.Json.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("{\"path\":\"/ping\",\"kind\":\"Sometimes\"}")]
    [InlineData("{\"path\":\"/ping\",\"kind\":\"7\"}")]
    [InlineData("{\"path\":\"/ping\",\"kind\":\"1\"}")]
    [InlineData("{\"path\":\"/ping\",\"kind\":\"Status, Html\"}")]
    [InlineData("{\"path\":\"/ping\",\"kind\":\"Status\",\"status_code\":101}")]
    [InlineData("{\"path\":\"/ping\",\"kind\":\"Status\",\"status_code\":199}")]
    [InlineData("{\"path\":\"/ping\",\"kind\":\"Status\",\"status_code\":204}")]
    [InlineData("{\"path\":\"/ping\",\"kind\":\"Html\",\"status_code\":205}")]
    [InlineData("{\"path\":\"/ping\",\"kind\":\"Html\",\"status_code\":304}")]
    [InlineData("{\"path\":\"/ping\",\"kind\":\"Status\",\"count\":0}")]
    [InlineData("{\"path\":\"/ping\",\"kind\":\"Status\",\"status_code\":1000}")]
    [InlineData("{\"path\":\"/ping\",\"kind\":\"Status\",\"count\":4294967297}")]
    [InlineData("{\"path\":\"/ping\",\"kind\":\"Status\",\"status_code\":4294967796}")]
    [InlineData("{\"path\":\"/ping\",\"kind\":\"Latency\",\"latency_ms\":-1}")]
    [InlineData("{\"path\":\"/ping\",\"kind\":\"Status\",\"duration_ms\":0}")]
    [InlineData("{\"kind\":\"Status\"}")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task A_bad_fault_is_refused_with_400_and_nothing_is_injected(string body)
    {
        var answer = await Http.PostAsync("/_emulator/faults", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Empty(Control.Faults);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/ping")).Status);
    }
}
