using System.Net;
using Kiwi.Auth.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Kiwi.Auth.Tests.Ergonomics;

public sealed class TokenSourceTests
{
    private static KiwiTokenSource? _lastSource;

    private static void Configure(KiwiAuthOptions o, bool cookie, params string[] queryPaths)
    {
        o.TokenSources.Cookie = cookie;
        foreach (var path in queryPaths)
        {
            o.TokenSources.QueryStringPaths.Add(path);
        }
    }

    private static void Map(WebApplication app)
    {
        app.MapGet("/me", (KiwiUser user) => user.Id).RequireUser();
        app.MapGet("/hubs/chat/negotiate", (KiwiUser user) => user.Id).RequireUser();
        app.MapGet("/events", (KiwiUser user) => user.Id).RequireUser();
    }

    private static Task<LoopbackHost> StartAsync(bool cookie, params string[] queryPaths) =>
        ErgonomicsHost.StartAsync(o =>
        {
            Configure(o, cookie, queryPaths);
            o.Events.OnMessageReceived = c =>
            {
                _lastSource = c.TokenSource;
                return Task.CompletedTask;
            };
        }, Map);

    private static Action<HttpRequestMessage> Cookie(string value) =>
        r => r.Headers.Add("Cookie", $"access_token={value}");

    [Fact]
    public async Task The_cookie_is_ignored_by_default()
    {
        await using var host = await StartAsync(cookie: false);

        using var response = await host.GetAsync("/me", configure: Cookie(TestTokens.Create(userId: "1")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_cookie_is_read_when_turned_on()
    {
        await using var host = await StartAsync(cookie: true);

        using var response = await host.GetAsync("/me", configure: Cookie(TestTokens.Create(userId: "1")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1", await response.Content.ReadAsStringAsync());
        Assert.Equal(KiwiTokenSource.Cookie, _lastSource);
    }

    [Fact]
    public async Task The_cookie_wins_over_the_header_as_in_kiwi_user()
    {
        await using var host = await StartAsync(cookie: true);

        using var response = await host.GetAsync(
            "/me", TestTokens.Create(userId: "header"), Cookie(TestTokens.Create(userId: "cookie")));

        Assert.Equal("cookie", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("access_token={0}; access_token={1}")]
    [InlineData("access_token={0}; ACCESS_TOKEN={1}")]
    [InlineData("access_token={0};other=1;  access_token={1}")]
    public async Task Several_token_cookies_are_refused(string cookies)
    {
        await using var host = await StartAsync(cookie: true);
        var header = string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            cookies,
            TestTokens.Create(userId: "first"),
            TestTokens.Create(userId: "second"));

        using var response = await host.GetAsync(
            "/me", TestTokens.Create(userId: "header"), r => r.Headers.Add("Cookie", header));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_token_cookie_beside_cookies_whose_value_names_it_is_read()
    {
        await using var host = await StartAsync(cookie: true);

        using var response = await host.GetAsync(
            "/me", configure: Cookie($"{TestTokens.Create(userId: "1")}; note=access_token"));

        Assert.Equal("1", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_query_token_is_read_on_a_listed_path_and_below_it()
    {
        await using var host = await StartAsync(cookie: false, "/hubs/chat", "/events");

        using var hub = await host.GetAsync($"/hubs/chat/negotiate?access_token={TestTokens.Create(userId: "2")}");
        using var events = await host.GetAsync($"/events?access_token={TestTokens.Create(userId: "3")}");

        Assert.Equal("2", await hub.Content.ReadAsStringAsync());
        Assert.Equal("3", await events.Content.ReadAsStringAsync());
        Assert.Equal(KiwiTokenSource.QueryString, _lastSource);
    }

    [Fact]
    public async Task The_query_token_is_ignored_on_paths_not_listed()
    {
        await using var host = await StartAsync(cookie: false, "/hubs/chat");

        using var response = await host.GetAsync($"/me?access_token={TestTokens.Create()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task The_query_token_is_ignored_when_no_path_is_listed()
    {
        await using var host = await StartAsync(cookie: false);

        using var response = await host.GetAsync($"/hubs/chat/negotiate?access_token={TestTokens.Create()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Two_query_tokens_are_refused()
    {
        await using var host = await StartAsync(cookie: false, "/events");
        var token = TestTokens.Create();

        using var response = await host.GetAsync($"/events?access_token={token}&access_token={token}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_path_that_is_not_a_path_stops_the_start()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(
            () => ErgonomicsHost.StartAsync(o => Configure(o, cookie: false, "hubs/chat"), Map));

        Assert.Contains("KiwiAuth:TokenSources:QueryStringPaths", failure.Message, StringComparison.Ordinal);
    }
}
