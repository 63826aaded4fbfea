using System.Net;
using System.Security.Claims;
using Kiwi.Auth.Tests.Support;
using Kiwi.Auth.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kiwi.Auth.Tests.Ergonomics;

public sealed class EventTests
{
    private static void Map(WebApplication app)
    {
        app.MapGet("/me", (HttpContext c) => string.Join(",", c.User.FindAll("tenant").Select(x => x.Value)))
            .RequireAuthorization();
        app.MapGet("/write", () => "written").RequireScope("write");
        app.MapGet("/anonymous", (HttpContext c) => c.User.Identity?.IsAuthenticated == true ? "user" : "anonymous");
    }

    [Fact]
    public async Task OnMessageReceived_sees_the_header_as_the_source()
    {
        KiwiTokenSource? seen = null;
        await using var host = await ErgonomicsHost.StartAsync(
            o => o.Events.OnMessageReceived = c =>
            {
                seen = c.TokenSource;
                return Task.CompletedTask;
            }, Map);

        using var response = await host.GetAsync("/me", TestTokens.Create());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(KiwiTokenSource.Header, seen);
    }

    [Fact]
    public async Task OnMessageReceived_can_supply_the_token_from_elsewhere()
    {
        KiwiTokenSource? seen = null;
        await using var host = await ErgonomicsHost.StartAsync(
            o => o.Events.OnMessageReceived = c =>
            {
                c.Token = c.Request.Headers["X-Kiwi-Token"];
                seen ??= c.TokenSource;
                return Task.CompletedTask;
            }, Map);

        using var withCustomHeader = await host.GetAsync(
            "/me", configure: r => r.Headers.Add("X-Kiwi-Token", TestTokens.Create()));
        using var without = await host.GetAsync("/me");

        Assert.Equal(HttpStatusCode.OK, withCustomHeader.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(KiwiTokenSource.Event, seen);
    }

    [Fact]
    public async Task OnTokenValidated_can_add_claims()
    {
        await using var host = await ErgonomicsHost.StartAsync(
            o => o.Events.OnTokenValidated = c =>
            {
                ((ClaimsIdentity)c.Principal!.Identity!).AddClaim(new Claim("tenant", "t-" + c.User.Id));
                return Task.CompletedTask;
            }, Map);

        using var response = await host.GetAsync("/me", TestTokens.Create(userId: "42"));

        Assert.Equal("t-42", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OnTokenValidated_can_veto_the_token_with_a_401()
    {
        await using var host = await ErgonomicsHost.StartAsync(
            o => o.Events.OnTokenValidated = c =>
            {
                if (c.User.Id == "666")
                {
                    c.Fail("banned user 666");
                }

                return Task.CompletedTask;
            }, Map);

        using var banned = await host.GetAsync("/me", TestTokens.Create(userId: "666"));
        using var anonymous = await host.GetAsync("/anonymous", TestTokens.Create(userId: "666"));

        Assert.Equal(HttpStatusCode.Unauthorized, banned.StatusCode);
        var challenge = banned.Headers.WwwAuthenticate.ToString();
        Assert.Contains("error=\"invalid_token\"", challenge, StringComparison.Ordinal);
        Assert.Contains(TokenFailureReasons.RejectedByApplication, challenge, StringComparison.Ordinal);
        Assert.DoesNotContain("666", challenge, StringComparison.Ordinal);
        Assert.Equal("anonymous", await anonymous.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_principal_without_a_user_id_is_403_from_RequireUser_through_OnForbidden()
    {
        var forbidden = 0;
        await using var host = await ErgonomicsHost.StartAsync(
            o =>
            {
                o.ErrorFormat = KiwiErrorFormat.ProblemDetails;
                o.Events.OnTokenValidated = c =>
                {
                    c.Principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("tenant", "t")], "Kiwi"));
                    return Task.CompletedTask;
                };
                o.Events.OnForbidden = _ =>
                {
                    forbidden++;
                    return Task.CompletedTask;
                };
            },
            app => app.MapGet("/user", (KiwiUser user) => user.Id).RequireUser());

        using var response = await host.GetAsync("/user", TestTokens.Create());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, forbidden);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(20005, (await response.JsonAsync()).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task KiwiUser_holds_only_what_OnTokenValidated_left_on_the_principal_it_changed_in_place()
    {
        await using var host = await ErgonomicsHost.StartAsync(
            o => o.Events.OnTokenValidated = c =>
            {
                var identity = (ClaimsIdentity)c.Principal!.Identity!;
                var dropped = identity.FindAll(KiwiClaimTypes.Scope).Where(x => x.Value == "admin")
                    .Append(identity.FindFirst(KiwiClaimTypes.Role)).ToList();
                dropped.ForEach(identity.RemoveClaim);
                return Task.CompletedTask;
            },
            app => app.MapGet("/user", (KiwiUser user, HttpContext c) =>
                    $"{user.HasScope("admin")}|{c.User.HasKiwiScope("admin")}|{user.Role}|{user.Scopes.Count}")
                .RequireUser());

        using var response = await host.GetAsync("/user", TestTokens.Create(role: "owner", scopes: ["read", "admin"]));

        Assert.Equal("False|False||1", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_user_id_OnTokenValidated_removed_in_place_is_403_from_RequireUser()
    {
        await using var host = await ErgonomicsHost.StartAsync(
            o => o.Events.OnTokenValidated = c =>
            {
                var identity = (ClaimsIdentity)c.Principal!.Identity!;
                identity.FindAll(KiwiClaimTypes.Subject).Concat(identity.FindAll(ClaimTypes.NameIdentifier)).ToList()
                    .ForEach(identity.RemoveClaim);
                return Task.CompletedTask;
            },
            app => app.MapGet("/user", (KiwiUser user) => user.Id).RequireUser());

        using var response = await host.GetAsync("/user", TestTokens.Create(userId: "77"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await ErgonomicsHost.AssertKiwiErrorAsync(response, 20005);
    }

    [Fact]
    public async Task OnAuthenticationFailed_sees_why_the_token_was_refused()
    {
        TokenVerdict? seen = null;
        await using var host = await ErgonomicsHost.StartAsync(
            o => o.Events.OnAuthenticationFailed = c =>
            {
                seen = c.Verdict;
                return Task.CompletedTask;
            }, Map);

        using var response = await host.GetAsync("/me", "not-a-jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(TokenVerdictKind.Invalid, seen?.Kind);
        Assert.Equal(TokenFailureReasons.Malformed, seen?.Reason);
    }

    [Fact]
    public async Task OnChallenge_can_replace_the_401()
    {
        await using var host = await ErgonomicsHost.StartAsync(
            o => o.Events.OnChallenge = async c =>
            {
                c.Response.StatusCode = 401;
                await c.Response.WriteAsync($"custom {c.StatusCode} {c.Verdict?.Reason ?? "no token"}");
                c.HandleResponse();
            }, Map);

        using var response = await host.GetAsync("/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("custom 401 no token", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OnForbidden_can_replace_the_403_and_sees_the_missing_scope()
    {
        await using var host = await ErgonomicsHost.StartAsync(
            o => o.Events.OnForbidden = async c =>
            {
                c.Response.StatusCode = 403;
                await c.Response.WriteAsync("needs " + string.Join(' ', c.RequiredScopes));
                c.HandleResponse();
            }, Map);

        using var response = await host.GetAsync("/write", TestTokens.Create(scopes: ["read"]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("needs write", await response.Content.ReadAsStringAsync());
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task An_OnChallenge_that_writes_without_setting_a_status_still_answers_401()
    {
        await using var host = await ErgonomicsHost.StartAsync(
            o => o.Events.OnChallenge = async c =>
            {
                await c.Response.WriteAsync("log in first");
                c.HandleResponse();
            }, Map);

        using var withoutToken = await host.GetAsync("/me");
        using var withGarbage = await host.GetAsync("/me", "not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withGarbage.StatusCode);
        Assert.Equal("log in first", await withGarbage.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_OnChallenge_that_writes_without_setting_a_status_still_answers_503_in_an_outage()
    {
        await using var host = await ErgonomicsHost.StartAsync(
            o => o.Events.OnChallenge = async c =>
            {
                await c.Response.WriteAsync("try again later");
                c.HandleResponse();
            }, Map, validator: new UnavailableValidator());

        using var response = await host.GetAsync("/me", TestTokens.Create());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task An_OnForbidden_that_writes_without_setting_a_status_still_answers_403()
    {
        await using var host = await ErgonomicsHost.StartAsync(
            o => o.Events.OnForbidden = async c =>
            {
                await c.Response.WriteAsync("not for you");
                c.HandleResponse();
            }, Map);

        using var response = await host.GetAsync("/write", TestTokens.Create(scopes: ["read"]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("not for you", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unhandled_OnChallenge_keeps_the_default_answer()
    {
        var raised = 0;
        await using var host = await ErgonomicsHost.StartAsync(
            o => o.Events.OnChallenge = _ =>
            {
                raised++;
                return Task.CompletedTask;
            }, Map);

        using var response = await host.GetAsync("/me");

        Assert.Equal(1, raised);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await ErgonomicsHost.AssertKiwiErrorAsync(response, 20003);
    }

    [Fact]
    public async Task An_event_that_throws_while_authenticating_is_a_503_not_a_500()
    {
        await using var host = await ErgonomicsHost.StartAsync(
            o => o.Events.OnTokenValidated = _ => throw new InvalidOperationException("bug in the application"),
            Map);

        using var response = await host.GetAsync("/me", TestTokens.Create());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        await ErgonomicsHost.AssertKiwiErrorAsync(response, 20001);
    }

    [Fact]
    public async Task A_throwing_OnChallenge_still_gets_the_default_401()
    {
        await using var host = await ErgonomicsHost.StartAsync(
            o => o.Events.OnChallenge = _ => throw new InvalidOperationException("bug in the application"), Map);

        using var response = await host.GetAsync("/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await ErgonomicsHost.AssertKiwiErrorAsync(response, 20003);
    }

    [Fact]
    public async Task A_throwing_OnForbidden_still_gets_the_default_403()
    {
        await using var host = await ErgonomicsHost.StartAsync(
            o => o.Events.OnForbidden = _ => throw new InvalidOperationException("bug in the application"), Map);

        using var response = await host.GetAsync("/write", TestTokens.Create(scopes: ["read"]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await ErgonomicsHost.AssertKiwiErrorAsync(response, 20005);
    }

    [Fact]
    public async Task Events_can_come_from_DI_through_EventsType()
    {
        await using var host = await ErgonomicsHost.StartAsync(
            o => o.EventsType = typeof(TenantEvents), Map, services => services.AddSingleton<TenantEvents>());

        using var response = await host.GetAsync("/me", TestTokens.Create(userId: "7"));

        Assert.Equal("from-di-7", await response.Content.ReadAsStringAsync());
    }

    private sealed class TenantEvents : KiwiAuthEvents
    {
        public override Task TokenValidated(KiwiTokenValidatedContext context)
        {
            ((ClaimsIdentity)context.Principal!.Identity!).AddClaim(new Claim("tenant", "from-di-" + context.User.Id));
            return Task.CompletedTask;
        }
    }
}
