using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kiwi.Auth.Samples.Controllers.Controllers;
using Kiwi.Auth.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kiwi.Auth.Testing.Tests;

/// <summary>How a team tests its own API: the controllers sample in a <see cref="WebApplicationFactory{T}"/>, with
/// test tokens validated locally by the real handler. The factory is keyed on a controller rather than
/// <c>Program</c> only because this project also sees the emulator's <c>Program</c>.</summary>
public sealed class ControllersSampleTests(WebApplicationFactory<ProfileController> factory)
    : IClassFixture<WebApplicationFactory<ProfileController>>
{
    private const string Org = "5f0c6d2e-8a7b-4c1d-9e3f-2a1b0c9d8e7f";

    private readonly WebApplicationFactory<ProfileController> _factory = factory.WithKiwiTestAuth();

    private HttpClient Client(string? token = null)
    {
        var client = _factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task The_anonymous_action_needs_no_token()
    {
        using var response = await Client().GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task No_token_is_401_as_problem_details()
    {
        using var response = await Client().GetAsync("/api/profile");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(20003, (await JsonAsync(response)).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_test_token_for_any_user_is_accepted_in_one_line()
    {
        using var response = await Client(KiwiTestTokens.Create("42", role: "user", scopes: ["read"]))
            .GetAsync("/api/profile");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal("42", body.GetProperty("user_id").GetString());
        Assert.Equal("read", body.GetProperty("scopes")[0].GetString());
    }

    [Fact]
    public async Task The_role_decides_between_200_and_403()
    {
        using var user = await Client(KiwiTestTokens.Create(role: "user")).GetAsync("/api/notes");
        using var viewer = await Client(KiwiTestTokens.Create(role: "viewer")).GetAsync("/api/notes");

        Assert.Equal(HttpStatusCode.OK, user.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(20005, (await JsonAsync(viewer)).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_missing_scope_is_403_insufficient_scope()
    {
        using var response = await Client(KiwiTestTokens.Create(role: "viewer", scopes: ["read"]))
            .PostAsJsonAsync("/api/notes", new { id = "2", text = "more kiwis" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("insufficient_scope", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("insufficient_scope", (await JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_scope_lets_the_post_through()
    {
        using var response = await Client(KiwiTestTokens.Create("7", scopes: ["write"]))
            .PostAsJsonAsync("/api/notes", new { id = "2", text = "more kiwis" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("7", (await JsonAsync(response)).GetProperty("author").GetString());
    }

    [Fact]
    public async Task The_organization_must_be_the_one_in_the_route()
    {
        var token = KiwiTestTokens.Create(organizationId: Org);

        using var same = await Client(token).GetAsync($"/api/orgs/{Org}/projects");
        using var other = await Client(token).GetAsync($"/api/orgs/{Guid.NewGuid()}/projects");

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task An_expired_test_token_is_refused_by_the_real_checks()
    {
        var token = KiwiTestTokens.Create(lifetime: TimeSpan.FromMinutes(-5));

        using var response = await Client(token).GetAsync("/api/profile");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var parts = KiwiTestTokens.Create().Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{parts[2][..^4]}AAAA";

        using var response = await Client(forged).GetAsync("/api/profile");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
