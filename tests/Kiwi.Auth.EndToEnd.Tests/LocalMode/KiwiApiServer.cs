using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiwi.Auth.EndToEnd.Tests.LocalMode;

/// <summary>An API protected by Kiwi.Auth on a real Kestrel server on a free loopback port. <c>GET /claims</c>
/// answers the authenticated principal's claims as <c>[[type, value], ...]</c>.</summary>
internal sealed class KiwiApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KiwiApiServer(WebApplication app, Uri address)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public static async Task<KiwiApiServer> StartAsync(Action<KiwiAuthOptions> configure)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddKiwiAuth(configure);
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/claims", (ClaimsPrincipal user) => user.Claims.Select(c => new[] { c.Type, c.Value }).ToList())
            .RequireAuthorization();

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return new KiwiApiServer(app, new Uri(address));
    }

    public async Task<HttpResponseMessage> GetClaimsAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/claims");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Client.SendAsync(request);
    }

    public async Task<HttpStatusCode> StatusAsync(string token)
    {
        using var response = await GetClaimsAsync(token);
        return response.StatusCode;
    }

    public async Task<List<string[]>> ClaimsAsync(string token)
    {
        using var response = await GetClaimsAsync(token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<string[]>>())!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
