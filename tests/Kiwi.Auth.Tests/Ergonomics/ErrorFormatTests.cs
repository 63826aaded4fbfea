using System.Net;
using System.Text.Json;
using Kiwi.Auth.Tests.Support;
using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kiwi.Auth.Tests.Ergonomics;

public sealed class ErrorFormatTests
{
    private static void Map(WebApplication app)
    {
        app.MapGet("/me", (KiwiUser user) => user.Id).RequireUser();
        app.MapGet("/write", () => "written").RequireScope("write");
    }

    private static Task<LoopbackHost> StartAsync(
        bool registerProblemDetails = true, ITokenValidator? validator = null) =>
        ErgonomicsHost.StartAsync(
            o => o.ErrorFormat = KiwiErrorFormat.ProblemDetails,
            Map,
            services =>
            {
                if (registerProblemDetails)
                {
                    services.AddProblemDetails(p => p.CustomizeProblemDetails = c =>
                        c.ProblemDetails.Extensions["traced"] = true);
                }
            },
            validator);

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status, int code)
    {
        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.Equal(code, body.GetProperty("code").GetInt32());
        Assert.False(body.TryGetProperty("data", out _));
        return body;
    }

    [Fact]
    public async Task A_missing_token_is_a_401_problem_with_a_bare_bearer_challenge()
    {
        await using var host = await StartAsync();

        using var response = await host.GetAsync("/me");

        var body = await AssertProblemAsync(response, 401, 20003);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.True(body.GetProperty("traced").GetBoolean());
    }

    [Fact]
    public async Task An_invalid_token_is_a_401_problem_with_invalid_token()
    {
        await using var host = await StartAsync();

        using var response = await host.GetAsync("/me", "a.b");

        var body = await AssertProblemAsync(response, 401, 20003);
        Assert.Equal("invalid_token", body.GetProperty("error").GetString());
        Assert.Equal(
            $"Bearer error=\"invalid_token\", error_description=\"{TokenFailureReasons.Malformed}\"",
            response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_missing_scope_is_a_403_problem_with_insufficient_scope()
    {
        await using var host = await StartAsync();

        using var response = await host.GetAsync("/write", TestTokens.Create(scopes: ["read"]));

        var body = await AssertProblemAsync(response, 403, 20005);
        Assert.Equal("insufficient_scope", body.GetProperty("error").GetString());
        Assert.Contains("scope=\"write\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unavailable_kiwi_user_is_a_503_problem_with_retry_after()
    {
        await using var host = await StartAsync(validator: new UnavailableValidator());

        using var response = await host.GetAsync("/me", TestTokens.Create());

        await AssertProblemAsync(response, 503, 20001);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    private static Task<LoopbackHost> StartWithThrowingWriterAsync(ITokenValidator? validator = null) =>
        ErgonomicsHost.StartAsync(
            o => o.ErrorFormat = KiwiErrorFormat.ProblemDetails,
            Map,
            services => services.AddProblemDetails(p =>
                p.CustomizeProblemDetails = _ => throw new InvalidOperationException("writer bug")),
            validator);

    [Fact]
    public async Task A_problem_details_service_that_throws_still_gets_a_401_and_403_problem()
    {
        await using var host = await StartWithThrowingWriterAsync();

        using var none = await host.GetAsync("/me");
        using var scope = await host.GetAsync("/write", TestTokens.Create(scopes: ["read"]));

        await AssertProblemAsync(none, 401, 20003);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.ToString());
        var body = await AssertProblemAsync(scope, 403, 20005);
        Assert.Equal("insufficient_scope", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_problem_details_service_that_throws_still_gets_a_503_problem()
    {
        await using var host = await StartWithThrowingWriterAsync(new UnavailableValidator());

        using var response = await host.GetAsync("/me", TestTokens.Create());

        await AssertProblemAsync(response, 503, 20001);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Problems_are_written_without_AddProblemDetails_too()
    {
        await using var host = await StartAsync(registerProblemDetails: false);

        using var response = await host.GetAsync("/me");

        var body = await AssertProblemAsync(response, 401, 20003);
        Assert.False(body.TryGetProperty("traced", out _));
    }

    [Fact]
    public async Task The_default_format_is_kiwis_envelope()
    {
        await using var host = await ErgonomicsHost.StartAsync(null, Map);

        using var response = await host.GetAsync("/write", TestTokens.Create(scopes: ["read"]));

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        await ErgonomicsHost.AssertKiwiErrorAsync(response, 20005);
    }
}
