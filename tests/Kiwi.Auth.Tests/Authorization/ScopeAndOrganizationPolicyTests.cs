using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Kiwi.Auth.Tests.Support;
using Kiwi.Auth.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kiwi.Auth.Tests.Authorization;

public sealed class ScopeAndOrganizationPolicyTests : IAsyncLifetime
{
    private const string Org = "0b7e5a1c-9f3d-4c2b-8e6a-5d4c3b2a1f0e";
    private LoopbackHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await LoopbackHost.StartAsync(
            builder =>
            {
                builder.Services.AddKiwiAuth(o => o.BaseUrl = new Uri("http://127.0.0.1:9/"));
                builder.Services.AddKeyedSingleton<ITokenValidator>(
                    KiwiAuthMode.Remote, new PayloadTrustingValidator());
                builder.Services.AddAuthorization();
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapGet("/write", () => "written").RequireScope("write");
                app.MapGet("/read-write", () => "both").RequireScope("read", "write");
                app.MapGet("/admin-role", () => "admin")
                    .RequireAuthorization(new AuthorizeAttribute { Roles = "admin" });
                app.MapGet("/in-org", () => "org").RequireOrganization();
                app.MapGet("/orgs/{orgId}/items", (string orgId) => orgId).RequireOrganization("orgId");
                app.MapGet("/is-in-role", (HttpContext c) => c.User.IsInRole("editor").ToString()).RequireUser();
            });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_token_with_the_scope_is_let_through()
    {
        var response = await SendAsync("/write", TestTokens.Create(scopes: ["read", "write"]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("written", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_missing_scope_is_403_with_kiwi_envelope_and_insufficient_scope()
    {
        var response = await SendAsync("/read-write", TestTokens.Create(scopes: ["read"]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var challenge = string.Join(", ", response.Headers.GetValues("WWW-Authenticate"));
        Assert.Contains("error=\"insufficient_scope\"", challenge, StringComparison.Ordinal);
        Assert.Contains("scope=\"read write\"", challenge, StringComparison.Ordinal);
        await AssertEnvelopeAsync(response, 20005);
    }

    [Fact]
    public async Task No_token_on_a_scoped_endpoint_is_401()
    {
        var response = await SendAsync("/write", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertEnvelopeAsync(response, 20003);
    }

    [Fact]
    public async Task Kiwi_role_works_with_Authorize_Roles()
    {
        var allowed = await SendAsync("/admin-role", TestTokens.Create(role: "admin"));
        var denied = await SendAsync("/admin-role", TestTokens.Create(role: "user"));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        await AssertEnvelopeAsync(denied, 20005);
    }

    [Fact]
    public async Task Kiwi_role_works_with_IsInRole()
    {
        var response = await SendAsync("/is-in-role", TestTokens.Create(role: "editor"));

        Assert.Equal("True", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Organization_requirement_needs_an_organization_in_the_token()
    {
        var inOrg = await SendAsync("/in-org", TestTokens.Create(organizationId: Org));
        var noOrg = await SendAsync("/in-org", TestTokens.Create(organizationId: ""));

        Assert.Equal(HttpStatusCode.OK, inOrg.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noOrg.StatusCode);
        await AssertEnvelopeAsync(noOrg, 20005);
    }

    [Fact]
    public async Task Organization_requirement_compares_the_route_value()
    {
        var same = await SendAsync($"/orgs/{Org.ToUpperInvariant()}/items", TestTokens.Create(organizationId: Org));
        var other = await SendAsync($"/orgs/{Guid.NewGuid()}/items", TestTokens.Create(organizationId: Org));

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _host.Client.SendAsync(request);
    }

    private static async Task AssertEnvelopeAsync(HttpResponseMessage response, int code)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("error", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(code, body.RootElement.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("data").ValueKind);
    }
}
