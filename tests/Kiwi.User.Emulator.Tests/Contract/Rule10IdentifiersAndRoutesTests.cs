using System.Net;
using Kiwi.User.Emulator.Tests.Support;

namespace Kiwi.User.Emulator.Tests.Contract;

/// <summary>
/// Contract 7.10 and section 0: snowflake ids, UUID orgs, plain-text 404, trace ids, CORS, internal lookups.
/// </summary>
public sealed class Rule10IdentifiersAndRoutesTests : EmulatorTest
{
    [Theory]
    [InlineData("GET", "/nope")]
    [InlineData("GET", "/v1/token/verify")]
    [InlineData("POST", "/ping")]
    [InlineData("DELETE", "/v1/user/info")]
    [InlineData("HEAD", "/ping")]
    [InlineData("GET", "/V1/USER/INFO")]
    [InlineData("POST", "/v1/payments/order")]
    public async Task Unknown_routes_and_wrong_methods_are_a_plain_text_404(string method, string path)
    {
        var answer = await Http.SendAsync(new HttpMethod(method), path, null);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("text/plain", answer.ContentType);
        if (method != "HEAD")
        {
            Assert.Equal("404 page not found", answer.Body);
        }
    }

    [Fact]
    public async Task A_trailing_slash_redirects_as_gin_does()
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false })
        {
            BaseAddress = Emulator.BaseAddress,
        };

        var get = await client.GetAsync("/ping/");
        var post = await client.PostAsync("/v1/token/verify/", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.MovedPermanently, get.StatusCode);
        Assert.Equal("/ping", get.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, post.StatusCode);
    }

    [Theory]
    [InlineData("/ping")]
    [InlineData("/nope")]
    [InlineData("/v1/user/info")]
    public async Task Every_answer_has_a_32_hex_x_trace_id(string path)
    {
        var answer = await Http.GetAsync(path);

        var traceId = Assert.Single(answer.Message.Headers.GetValues("x-trace-id"));
        Assert.Matches("^[0-9a-f]{32}$", traceId);
    }

    [Fact]
    public async Task Cors_allows_any_origin_and_answers_preflights()
    {
        var simple = await Http.SendAsync(HttpMethod.Get, "/ping", null,
            configure: r => r.Headers.Add("Origin", "https://app.example.com"));
        var preflight = await Http.SendAsync(HttpMethod.Options, "/v1/token/verify", null, configure: r =>
        {
            r.Headers.Add("Origin", "https://app.example.com");
            r.Headers.Add("Access-Control-Request-Method", "POST");
            r.Headers.Add("Access-Control-Request-Headers", "authorization,x-custom");
        });

        Assert.Equal("*", Assert.Single(simple.Message.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal(HttpStatusCode.NoContent, preflight.Status);
        Assert.Equal("authorization,x-custom",
            Assert.Single(preflight.Message.Headers.GetValues("Access-Control-Allow-Headers")));
    }

    [Fact]
    public async Task User_ids_are_snowflake_strings_and_org_ids_lowercase_uuids()
    {
        var login = await Http.LoginAsync("alice", "alice-password");
        var info = await Http.GetAsync("/v1/user/info", login.AccessToken());

        Assert.Matches("^[0-9]{15,20}$", login.GetProperty("user_id").GetString()!);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
            info.Data.GetProperty("orgs")[0].GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task Internal_user_infos_need_no_auth_keep_database_order_and_omit_unknown_ids()
    {
        var answer = await Http.PostAsync("/internal/user/infos",
            Bodies.Json(new { user_ids = new[] { Bodies.Bob, "404", Bodies.Alice } }));

        Assert.Equal(
            "[{\"id\":\"1864213360487714901\",\"application\":\"kiwi-demo\",\"name\":\"alice\","
            + "\"display_name\":\"Alice\","
            + "\"avatar\":\"\",\"username\":\"alice\",\"department\":\"Engineering\"},"
            + "{\"id\":\"1864213360487714902\",\"application\":\"kiwi-demo\",\"name\":\"bob\",\"display_name\":\"\","
            + "\"avatar\":\"\",\"username\":\"bob\",\"department\":\"\"}]",
            answer.Data.GetRawText());
        Assert.Equal("[]", (await Http.PostAsync("/internal/user/infos", "{\"user_ids\":[]}")).Data.GetRawText());
    }

    [Fact]
    public async Task Internal_organization_infos_need_no_auth_and_refuse_non_uuids()
    {
        var known = await Http.PostAsync("/internal/organization/infos",
            Bodies.Json(new
            {
                org_ids = new[] { Bodies.DemoOrg.ToUpperInvariant(), "00000000-0000-0000-0000-000000000001" },
            }));
        var bad = await Http.PostAsync("/internal/organization/infos",
            Bodies.Json(new { org_ids = new[] { Bodies.DemoOrg, "not-a-uuid" } }));

        Assert.Equal(
            "[{\"id\":\"5f0c6d2e-8a7b-4c1d-9e3f-2a1b0c9d8e7f\",\"application\":\"kiwi-demo\","
            + "\"name\":\"Kiwi Demo Org\","
            + "\"status\":\"premium\",\"permission_code\":\"demo\",\"refresh_at\":1764806400,\"expires_at\":4102444800,"
            + "\"logo_image_url\":\"https://example.com/kiwi-demo-org.png\"}]",
            known.Data.GetRawText());
        Assert.Equal((HttpStatusCode.BadRequest, "Bad Request: invalid organization id"), (bad.Status, bad.Msg));
    }

    [Fact]
    public async Task Get_current_infos_answers_the_token_org_logo()
    {
        var withOrg = await Http.GetAsync("/internal/getCurrentInfos",
            Control.IssueAccessToken(Bodies.Alice, organizationId: Bodies.DemoOrg));
        var unknownOrg = await Http.GetAsync("/internal/getCurrentInfos",
            Control.IssueAccessToken(Bodies.Alice, organizationId: "00000000-0000-0000-0000-000000000001"));
        var nilOrg = await Http.GetAsync("/internal/getCurrentInfos",
            Control.IssueAccessToken(Bodies.Alice, organizationId: "00000000-0000-0000-0000-000000000000"));
        var noOrg = await Http.GetAsync("/internal/getCurrentInfos", Control.IssueAccessToken(Bodies.Alice));
        var noToken = await Http.GetAsync("/internal/getCurrentInfos");

        Assert.Equal("{\"logo_image_url\":\"https://example.com/kiwi-demo-org.png\"}", withOrg.Data.GetRawText());
        Assert.Equal("{\"logo_image_url\":\"\"}", unknownOrg.Data.GetRawText());
        Assert.Equal("Forbidden: invalid orgID, orgID is null", nilOrg.Msg);
        Assert.Equal((HttpStatusCode.BadRequest, "Bad Request"), (noOrg.Status, noOrg.Msg));
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.Status);
    }
}
