using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kiwi.Auth.EndToEnd.Tests.Infrastructure;
using Kiwi.Auth.Samples.Controllers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kiwi.Auth.EndToEnd.Tests.Ergonomics;

/// <summary>The controllers sample as <c>dotnet run</c> builds it in Development, on a loopback port, with the
/// emulator it starts itself; users log in at the emulator as a front end would.</summary>
public sealed class ControllersSampleTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private Uri _emulator = null!;

    public async Task InitializeAsync()
    {
        _app = await ControllersSampleApp.BuildAsync(
            ["--urls=http://127.0.0.1:0", "--environment=Development", "--Sample:EmulatorUrl=http://127.0.0.1:0"],
            builder => builder.Logging.ClearProviders());
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        _emulator = new Uri(_app.Configuration["KiwiAuth:BaseUrl"]!);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? user, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (user is not null)
        {
            var token = await KiwiHttp.LoginAsync(_emulator, user, $"{user}-password");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await _client.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task The_anonymous_action_answers_without_a_token()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/health", user: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Authorize_without_a_token_is_401_problem_details()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/profile", user: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(20003, (await JsonAsync(response)).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Alice_reads_her_profile_with_her_emulator_token()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/profile", "alice");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(KiwiHttp.AliceId, body.GetProperty("user_id").GetString());
        Assert.Equal("Alice", body.GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_role_splits_alice_200_from_bob_403()
    {
        using var alice = await SendAsync(HttpMethod.Get, "/api/notes", "alice");
        using var bob = await SendAsync(HttpMethod.Get, "/api/notes", "bob");

        Assert.Equal(HttpStatusCode.OK, alice.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bob.StatusCode);
        Assert.Equal(20005, (await JsonAsync(bob)).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task RequireScope_lets_alice_write_and_refuses_bob_with_insufficient_scope()
    {
        var note = new { id = "3", text = "kiwi jam" };

        using var alice = await SendAsync(HttpMethod.Post, "/api/notes", "alice", note);
        using var bob = await SendAsync(HttpMethod.Post, "/api/notes", "bob", note);

        Assert.Equal(HttpStatusCode.Created, alice.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bob.StatusCode);
        Assert.Equal(
            "Bearer error=\"insufficient_scope\", error_description=\"The token lacks a required scope.\", "
            + "scope=\"write\"",
            bob.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_session_without_an_organization_is_403_on_organization_routes()
    {
        using var response = await SendAsync(
            HttpMethod.Get, "/api/orgs/5f0c6d2e-8a7b-4c1d-9e3f-2a1b0c9d8e7f/projects", "alice");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
