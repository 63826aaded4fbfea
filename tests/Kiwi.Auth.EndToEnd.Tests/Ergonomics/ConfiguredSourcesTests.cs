using System.Net;
using System.Text.Json;
using Kiwi.Auth.EndToEnd.Tests.Infrastructure;
using Kiwi.User.Emulator;

namespace Kiwi.Auth.EndToEnd.Tests.Ergonomics;

/// <summary>The minimal-API sample with token sources and problem details turned on from configuration only,
/// against a real emulator: what a team changes in appsettings.json.</summary>
public sealed class ConfiguredSourcesTests(KiwiUserEmulatorFixture emulator) : IClassFixture<KiwiUserEmulatorFixture>
{
    private Task<SampleServer> StartAsync() => SampleServer.StartAsync(emulator.BaseAddress, settings:
        new Dictionary<string, string>
        {
            ["KiwiAuth:TokenSources:Cookie"] = "true",
            ["KiwiAuth:TokenSources:QueryStringPaths:0"] = "/v1/profile",
            ["KiwiAuth:ErrorFormat"] = "ProblemDetails",
        });

    private static async Task<HttpResponseMessage> SendAsync(SampleServer sample, string path, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"access_token={cookie}");
        }

        return await sample.Client.SendAsync(request);
    }

    [Fact]
    public async Task The_access_token_cookie_from_a_login_is_accepted()
    {
        await using var sample = await StartAsync();
        var token = await KiwiHttp.LoginAsync(emulator.BaseAddress, "alice", "alice-password");

        using var response = await SendAsync(sample, "/v1/profile", cookie: token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(KiwiHttp.AliceId, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_query_token_works_only_on_the_listed_path()
    {
        await using var sample = await StartAsync();
        var token = emulator.Control.IssueAccessToken(KiwiHttp.AliceId);

        using var listed = await SendAsync(sample, $"/v1/profile?access_token={token}");
        using var other = await SendAsync(sample, $"/v1/admin?access_token={token}");

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await other.Content.ReadAsStringAsync());
        Assert.Equal(20003, body.RootElement.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_stale_cookie_is_refused_even_with_a_good_header_as_kiwi_user_does()
    {
        await using var sample = await StartAsync();
        var good = emulator.Control.IssueAccessToken(KiwiHttp.AliceId);
        var expired = emulator.Control.IssueAccessToken(KiwiHttp.AliceId, lifetime: TimeSpan.FromMinutes(-10));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/profile");
        request.Headers.Add("Cookie", $"access_token={expired}");
        request.Headers.Authorization = new("Bearer", good);

        using var response = await sample.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }
}
