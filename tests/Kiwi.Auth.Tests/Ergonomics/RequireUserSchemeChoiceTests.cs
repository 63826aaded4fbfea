using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Kiwi.Auth.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiwi.Auth.Tests.Ergonomics;

/// <summary>
/// <c>RequireUser</c> names the Kiwi scheme in its policy only when Kiwi is not the default authenticate scheme.
/// These hosts set up the cases where leaving the scheme out could change who gets in.
/// </summary>
public sealed class RequireUserSchemeChoiceTests
{
    private const string ApiKey = "ApiKey";

    [Fact]
    public async Task RequireUser_lets_a_kiwi_token_in_when_the_default_policy_names_another_scheme()
    {
        await using var host = await StartAsync(
            services => services.AddAuthorizationBuilder().SetDefaultPolicy(
                new AuthorizationPolicyBuilder(ApiKey).RequireAuthenticatedUser().Build()));

        using var kiwi = await host.GetAsync("/user", TestTokens.Create(userId: "21"));
        using var none = await host.GetAsync("/user");

        Assert.Equal(HttpStatusCode.OK, kiwi.StatusCode);
        Assert.Equal("21", await kiwi.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
    }

    [Fact]
    public async Task RequireUser_never_lets_another_schemes_user_in_when_the_default_policy_names_it()
    {
        await using var host = await StartAsync(
            services => services.AddAuthorizationBuilder().SetDefaultPolicy(
                new AuthorizationPolicyBuilder(ApiKey).RequireAuthenticatedUser().Build()));

        using var apiKey = await host.GetAsync("/user", configure: r => r.Headers.Add("X-Api-Key", "secret"));

        Assert.True(
            apiKey.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{apiKey.StatusCode}");
    }

    [Fact]
    public async Task RequireUser_lets_a_kiwi_token_in_when_authorization_is_used_before_authentication()
    {
        await using var host = await LoopbackHost.StartAsync(
            builder => AddSchemes(builder.Services),
            app =>
            {
                app.UseAuthorization();
                app.UseAuthentication();
                app.MapGet("/user", (KiwiUser user) => user.Id).RequireUser();
            });

        using var kiwi = await host.GetAsync("/user", TestTokens.Create(userId: "22"));

        Assert.Equal(HttpStatusCode.OK, kiwi.StatusCode);
        Assert.Equal("22", await kiwi.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RequireUser_works_when_Kiwi_is_the_only_scheme_and_no_default_is_set()
    {
        await using var host = await LoopbackHost.StartAsync(
            builder =>
            {
                builder.Services.AddAuthentication()
                    .AddKiwiAuth(
                        KiwiAuthDefaults.AuthenticationScheme, o => o.BaseUrl = new Uri("http://127.0.0.1:9/"));
                builder.Services.AddKeyedSingleton<Validation.ITokenValidator>(
                    KiwiAuthMode.Remote, new PayloadTrustingValidator());
            },
            app => app.MapGet("/user", (KiwiUser user) => user.Id).RequireUser());

        using var kiwi = await host.GetAsync("/user", TestTokens.Create(userId: "23"));
        using var none = await host.GetAsync("/user");

        Assert.Equal(HttpStatusCode.OK, kiwi.StatusCode);
        Assert.Equal("23", await kiwi.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        await ErgonomicsHost.AssertKiwiErrorAsync(none, 20003);
    }

    [Fact]
    public async Task RequireUser_follows_the_default_authenticate_scheme_over_the_default_scheme()
    {
        await using var host = await StartAsync(
            services => services.Configure<AuthenticationOptions>(o =>
            {
                o.DefaultScheme = KiwiAuthDefaults.AuthenticationScheme;
                o.DefaultAuthenticateScheme = ApiKey;
            }));

        using var kiwi = await host.GetAsync("/user", TestTokens.Create(userId: "24"));
        using var apiKey = await host.GetAsync("/user", configure: r => r.Headers.Add("X-Api-Key", "secret"));

        Assert.Equal(HttpStatusCode.OK, kiwi.StatusCode);
        Assert.Equal("24", await kiwi.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, apiKey.StatusCode);
        await ErgonomicsHost.AssertKiwiErrorAsync(apiKey, 20003);
    }

    [Fact]
    public async Task RequireUser_on_a_group_with_a_named_policy_of_another_scheme_never_answers_500()
    {
        await using var host = await StartAsync(
            services => services.AddAuthorizationBuilder()
                .AddPolicy("key", new AuthorizationPolicyBuilder(ApiKey).RequireAuthenticatedUser().Build()));

        using var kiwi = await host.GetAsync("/group/user", TestTokens.Create(userId: "25"));
        using var apiKey = await host.GetAsync("/group/user", configure: r => r.Headers.Add("X-Api-Key", "secret"));
        using var both = await host.GetAsync(
            "/group/user", TestTokens.Create(userId: "26"), r => r.Headers.Add("X-Api-Key", "secret"));

        // The group's policy and RequireUser's combine: both schemes are asked and either user is authenticated;
        // RequireUser then lets only a kiwi user through.
        Assert.Equal(HttpStatusCode.OK, kiwi.StatusCode);
        Assert.Equal("25", await kiwi.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, apiKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, both.StatusCode);
        Assert.Equal("26", await both.Content.ReadAsStringAsync());
    }

    private static Task<LoopbackHost> StartAsync(Action<IServiceCollection> services) => LoopbackHost.StartAsync(
        builder =>
        {
            AddSchemes(builder.Services);
            services(builder.Services);
        },
        app =>
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/user", (KiwiUser user) => user.Id).RequireUser();
            var group = app.MapGroup("/group").RequireAuthorization("key");
            group.MapGet("/user", (KiwiUser user) => user.Id).RequireUser();
        });

    /// <summary>Kiwi as <c>AddKiwiAuth()</c> makes it, the default scheme, beside an api key scheme.</summary>
    private static void AddSchemes(IServiceCollection services)
    {
        services.AddKiwiAuth(o => o.BaseUrl = new Uri("http://127.0.0.1:9/"))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKey, null);
        services.AddKeyedSingleton<Validation.ITokenValidator>(KiwiAuthMode.Remote, new PayloadTrustingValidator());
    }

    /// <summary><c>X-Api-Key: secret</c> is a service account with a <c>sub</c> claim.</summary>
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

            Claim[] claims = [new(ClaimTypes.NameIdentifier, "service"), new("sub", "service")];
            var identity = new ClaimsIdentity(claims, ApiKey);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new(identity), ApiKey)));
        }
    }
}
