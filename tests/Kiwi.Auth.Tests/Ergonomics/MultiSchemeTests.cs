using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Kiwi.Auth.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiwi.Auth.Tests.Ergonomics;

public sealed class MultiSchemeTests : IAsyncLifetime
{
    private const string ApiKey = "ApiKey";
    private LoopbackHost _host = null!;

    public async Task InitializeAsync() => _host = await LoopbackHost.StartAsync(
        builder =>
        {
            builder.Services.AddAuthentication(ApiKey)
                .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKey, null)
                .AddKiwiAuth(KiwiAuthDefaults.AuthenticationScheme, o => o.BaseUrl = new Uri("http://127.0.0.1:9/"));
            builder.Services.AddKeyedSingleton<Validation.ITokenValidator>(
                KiwiAuthMode.Remote, new PayloadTrustingValidator());
            builder.Services.AddAuthorization();
        },
        app =>
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/default", (HttpContext c) => Who(c)).RequireAuthorization();
            app.MapGet("/kiwi", (HttpContext c) => Who(c))
                .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = "Kiwi" });
            app.MapGet("/either", (HttpContext c) => Who(c))
                .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = $"Kiwi,{ApiKey}" });
            app.MapGet("/either-admin", (HttpContext c) => Who(c)).RequireAuthorization(
                new AuthorizeAttribute { AuthenticationSchemes = $"Kiwi,{ApiKey}", Roles = "admin" });
            app.MapGet("/kiwi-user", (KiwiUser user) => user.Id).RequireAuthorization();
            app.MapGet("/kiwi-user-or-none", (KiwiUser? user) => user?.Id ?? "none").RequireAuthorization();
            app.MapGet("/require-user", (KiwiUser user) => user.Id).RequireUser();
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string Who(HttpContext context) =>
        $"{context.User.Identity?.AuthenticationType}:{context.User.FindFirstValue(ClaimTypes.NameIdentifier)}";

    private static Action<HttpRequestMessage> Key(string key) => r => r.Headers.Add("X-Api-Key", key);

    [Fact]
    public async Task Authorize_with_the_Kiwi_scheme_works_when_another_scheme_is_the_default()
    {
        using var response = await _host.GetAsync("/kiwi", TestTokens.Create(userId: "11"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Kiwi:11", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_default_scheme_still_answers_for_plain_Authorize()
    {
        using var response = await _host.GetAsync("/default", configure: Key("secret"));

        Assert.Equal("ApiKey:service", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_second_scheme_succeeds_when_Kiwi_has_no_token()
    {
        using var response = await _host.GetAsync("/either", configure: Key("secret"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ApiKey:service", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Either_scheme_without_credentials_is_a_whole_401_in_kiwis_envelope()
    {
        using var none = await _host.GetAsync("/either");
        using var garbage = await _host.GetAsync("/either", "garbage");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        await ErgonomicsHost.AssertKiwiErrorAsync(none, 20003);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        await ErgonomicsHost.AssertKiwiErrorAsync(garbage, 20003);
        Assert.Contains("invalid_token", garbage.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Either_scheme_lacking_a_role_is_a_whole_403_in_kiwis_envelope()
    {
        using var kiwi = await _host.GetAsync("/either-admin", TestTokens.Create(userId: "11", role: "user"));
        using var apiKey = await _host.GetAsync("/either-admin", configure: Key("secret"));

        Assert.Equal(HttpStatusCode.Forbidden, kiwi.StatusCode);
        await ErgonomicsHost.AssertKiwiErrorAsync(kiwi, 20005);
        Assert.Equal(HttpStatusCode.Forbidden, apiKey.StatusCode);
        await ErgonomicsHost.AssertKiwiErrorAsync(apiKey, 20005);
    }

    [Fact]
    public async Task Another_schemes_identity_never_binds_as_a_kiwi_user()
    {
        using var required = await _host.GetAsync("/kiwi-user", configure: Key("secret"));
        using var optional = await _host.GetAsync("/kiwi-user-or-none", configure: Key("secret"));

        Assert.Equal(HttpStatusCode.BadRequest, required.StatusCode);
        Assert.DoesNotContain("service", await required.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("none", await optional.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_Kiwi_only_endpoint_answers_401_without_a_token_even_with_an_api_key()
    {
        using var response = await _host.GetAsync("/kiwi", configure: Key("secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await ErgonomicsHost.AssertKiwiErrorAsync(response, 20003);
    }

    [Fact]
    public async Task RequireUser_authenticates_with_Kiwi_when_another_scheme_is_the_default()
    {
        using var kiwi = await _host.GetAsync("/require-user", TestTokens.Create(userId: "11"));
        using var apiKey = await _host.GetAsync("/require-user", configure: Key("secret"));

        Assert.Equal(HttpStatusCode.OK, kiwi.StatusCode);
        Assert.Equal("11", await kiwi.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, apiKey.StatusCode);
        await ErgonomicsHost.AssertKiwiErrorAsync(apiKey, 20003);
    }

    /// <summary>A minimal second scheme: <c>X-Api-Key: secret</c> is the service account.</summary>
    private sealed class ApiKeyHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (Request.Headers["X-Api-Key"] != "secret")
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "service")], ApiKey);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new(identity), ApiKey)));
        }
    }
}
