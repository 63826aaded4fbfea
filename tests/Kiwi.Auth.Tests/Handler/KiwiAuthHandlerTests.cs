using System.Net;
using System.Text.Json;
using Kiwi.Auth.Tests.Fixtures;
using Kiwi.Auth.Tests.Infrastructure;
using Kiwi.Auth.Validation;

namespace Kiwi.Auth.Tests.Handler;

public sealed class KiwiAuthHandlerTests : IAsyncLifetime
{
    private TestApi _api = null!;

    public async Task InitializeAsync() => _api = await TestApi.StartAsync(o => o.Retries = 1);

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Lets_anonymous_endpoints_through_without_a_token()
    {
        using var response = await _api.Client.SendAsync(TestApi.Get("/public"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, _api.KiwiUser.Calls);
    }

    [Theory]
    [InlineData("/user")]
    [InlineData("/authorized")]
    [InlineData("/admin")]
    public async Task Returns_401_with_kiwis_envelope_without_a_token(string path)
    {
        using var response = await _api.Client.SendAsync(TestApi.Get(path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        await AssertEnvelopeAsync(response, 20003, "Unauthorized");
    }

    [Theory]
    [InlineData("/user")]
    [InlineData("/authorized")]
    public async Task Returns_200_with_the_user_for_a_token_kiwi_user_accepts(string path)
    {
        _api.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Verdict(TestTokens.UserId));

        using var response = await _api.Client.SendAsync(TestApi.GetWithBearer(path, TestTokens.Create()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(TestTokens.UserId, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["/v1/token/verify"], _api.KiwiUser.Paths);
    }

    [Theory]
    [InlineData("bearer {0}")]
    [InlineData("BEARER {0}")]
    [InlineData("JWT {0}")]
    [InlineData("  Bearer \t {0}  ")]
    public async Task Reads_the_scheme_without_case_and_trims_white_space(string header)
    {
        _api.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Verdict(TestTokens.UserId));

        using var response = await _api.Client.SendAsync(
            TestApi.Get("/user", string.Format(header, TestTokens.Create())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Returns_401_with_invalid_token_challenge_when_kiwi_user_rejects_the_token()
    {
        _api.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Rejected());

        using var response = await _api.Client.SendAsync(TestApi.GetWithBearer("/user", TestTokens.Create()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(
            $"Bearer error=\"invalid_token\", error_description=\"{TokenFailureReasons.RejectedByKiwiUser}\"",
            response.Headers.WwwAuthenticate.ToString());
        await AssertEnvelopeAsync(response, 20003, $"Unauthorized: {TokenFailureReasons.RejectedByKiwiUser}");
        Assert.Equal(1, _api.KiwiUser.Calls);
    }

    [Theory]
    [InlineData("Bearer garbage")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer")]
    [InlineData("Bearer a.b.c d.e.f")]
    [InlineData("JWT ...")]
    public async Task Returns_401_for_garbage_without_calling_kiwi_user(string header)
    {
        using var response = await _api.Client.SendAsync(TestApi.Get("/user", header));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith(
            "Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await AssertEnvelopeAsync(response, 20003, $"Unauthorized: {TokenFailureReasons.Malformed}");
        Assert.Equal(0, _api.KiwiUser.Calls);
    }

    [Fact]
    public async Task Returns_401_for_several_authorization_header_lines_without_calling_kiwi_user()
    {
        _api.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Verdict(TestTokens.UserId));
        var token = TestTokens.Create();

        var response = await RawHttp.SendAsync(
            _api.Client.BaseAddress!, $"GET /user HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
            + $"Authorization: Bearer {token}\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 401", response, StringComparison.Ordinal);
        Assert.Contains(TokenFailureReasons.SeveralAuthorizationHeaders, response, StringComparison.Ordinal);
        Assert.Equal(0, _api.KiwiUser.Calls);
    }

    [Theory]
    [InlineData("\u0001")]
    [InlineData("\u007f")]
    [InlineData("\u00e9")]
    public async Task Turns_away_control_and_non_ascii_characters_without_calling_kiwi_user(string character)
    {
        _api.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Verdict(TestTokens.UserId));
        var token = TestTokens.Create();
        var tainted = token[..10] + character + token[10..];

        var response = await RawHttp.SendAsync(
            _api.Client.BaseAddress!,
            $"GET /user HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {tainted}\r\nConnection: close\r\n\r\n");

        Assert.Matches("^HTTP/1.1 (400|401) ", response);
        Assert.Equal(0, _api.KiwiUser.Calls);
    }

    [Fact]
    public async Task Returns_401_for_two_tokens_in_one_authorization_header_without_calling_kiwi_user()
    {
        _api.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Verdict(TestTokens.UserId));
        using var request = TestApi.GetWithBearer("/user", TestTokens.Create());
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + TestTokens.Create());

        using var response = await _api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertEnvelopeAsync(response, 20003, $"Unauthorized: {TokenFailureReasons.Malformed}");
        Assert.Equal(0, _api.KiwiUser.Calls);
    }

    [Fact]
    public async Task Returns_401_for_a_token_over_the_maximum_length_without_calling_kiwi_user()
    {
        var token = TestTokens.Create(scopes: [new string('s', 9000)]);

        using var response = await _api.Client.SendAsync(TestApi.GetWithBearer("/user", token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertEnvelopeAsync(response, 20003, $"Unauthorized: {TokenFailureReasons.TooLong}");
        Assert.Equal(0, _api.KiwiUser.Calls);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("type-password-reset")]
    public async Task Returns_401_for_an_expired_or_non_access_token_without_calling_kiwi_user(string name)
    {
        _api.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Verdict(TestTokens.UserId));

        using var response = await _api.Client.SendAsync(
            TestApi.GetWithBearer("/user", FixtureTokens.Named(name).Token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _api.KiwiUser.Calls);
    }

    [Fact]
    public async Task Returns_403_with_kiwis_envelope_when_the_scope_is_missing()
    {
        _api.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Verdict(TestTokens.UserId));

        using var response = await _api.Client.SendAsync(TestApi.GetWithBearer("/admin", TestTokens.Create()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertEnvelopeAsync(response, 20005, "Forbidden");
    }

    [Fact]
    public async Task Returns_200_when_the_token_has_the_required_scope()
    {
        _api.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Verdict(TestTokens.UserId));

        using var response = await _api.Client.SendAsync(
            TestApi.GetWithBearer("/admin", TestTokens.Create(scopes: ["read", "admin"])));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> Outages() => ["500", "html-502", "not-json", "empty", "wrong-user", "no-user",
        "bad-request-400", "refused"];

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task Returns_503_with_retry_after_when_kiwi_user_gives_no_verdict(string outage)
    {
        _api.KiwiUser.Respond = (_, _) => Outage(outage);

        using var response = await _api.Client.SendAsync(TestApi.GetWithBearer("/user", TestTokens.Create()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Empty(response.Headers.WwwAuthenticate);
        await AssertEnvelopeAsync(response, 20001, $"Service Unavailable: {TokenFailureReasons.KiwiUserUnavailable}");
        Assert.DoesNotContain(_api.Outcomes.All, o => o.Status == 500 || o.Exception is not null);
    }

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task Lets_anonymous_endpoints_through_when_kiwi_user_gives_no_verdict(string outage)
    {
        _api.KiwiUser.Respond = (_, _) => Outage(outage);

        using var response = await _api.Client.SendAsync(TestApi.GetWithBearer("/public", TestTokens.Create()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Logs_rejected_tokens_at_debug_only()
    {
        _api.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Rejected());
        using (await _api.Client.SendAsync(TestApi.Get("/user", "Bearer garbage")))
        {
        }

        using (await _api.Client.SendAsync(TestApi.GetWithBearer("/user", TestTokens.Create())))
        {
        }

        var records = _api.Logs.GetSnapshot()
            .Where(r => r.Category?.StartsWith("Kiwi.Auth", StringComparison.Ordinal) == true);
        Assert.Contains(records, r => r.Id.Name == "AuthenticationSchemeNotAuthenticatedWithFailure");
        Assert.Contains(records, r => r.Id.Name == "TokenRejected");
        Assert.All(records, r => Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, r.Level));
    }

    [Fact]
    public async Task Never_logs_the_token()
    {
        var token = TestTokens.Create();
        _api.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Status(500));
        using (await _api.Client.SendAsync(TestApi.GetWithBearer("/user", token)))
        {
        }

        _api.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Rejected());
        using (await _api.Client.SendAsync(TestApi.GetWithBearer("/user", token)))
        {
        }

        var logs = _api.Logs.GetSnapshot();
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(logs, r => r.Message.Contains(token.Split('.')[1], StringComparison.Ordinal));
        var shortHash = Kiwi.Auth.Tokens.KiwiToken.ComputeHash(token)[..12];
        Assert.Contains(logs, r => r.Message.Contains(shortHash, StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> Outage(string outage) => outage switch
    {
        "500" => Task.FromResult(FakeKiwiUser.Status(500)),
        "html-502" => Task.FromResult(FakeKiwiUser.Html(502)),
        "not-json" => Task.FromResult(FakeKiwiUser.Json(HttpStatusCode.OK, "{\"status\":\"success\",")),
        "empty" => Task.FromResult(FakeKiwiUser.Json(HttpStatusCode.OK, "")),
        "wrong-user" => Task.FromResult(FakeKiwiUser.Verdict("42")),
        "no-user" => Task.FromResult(FakeKiwiUser.Json(
            HttpStatusCode.OK, """{"status":"success","error":null,"data":{"success":true,"user_info":null}}""")),
        "bad-request-400" => Task.FromResult(FakeKiwiUser.Json(
            HttpStatusCode.BadRequest,
            """{"status":"error","error":{"code":20002,"msg":"Bad Request"},"data":null}""")),
        "refused" => Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused")),
        _ => throw new ArgumentOutOfRangeException(nameof(outage)),
    };

    internal static async Task AssertEnvelopeAsync(HttpResponseMessage response, int code, string message)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.Equal("error", root.GetProperty("status").GetString());
        Assert.Equal(code, root.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(message, root.GetProperty("error").GetProperty("msg").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("data").ValueKind);
    }
}
