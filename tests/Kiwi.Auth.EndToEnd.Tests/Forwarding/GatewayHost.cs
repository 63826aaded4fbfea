using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kiwi.Auth.EndToEnd.Tests.Forwarding;

/// <summary>
/// Host A: an API behind Kiwi.Auth whose <c>GET /v1/relay</c> calls host B's <c>/v1/profile</c> through an
/// <see cref="HttpClient"/> with <c>AddKiwiTokenForwarding()</c> and answers with B's status and body. The relay
/// itself is anonymous, so that a request without a (valid) token still reaches B, without a token.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private GatewayHost(WebApplication app)
    {
        this.app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    /// <param name="kiwiUser">The emulator.</param>
    /// <param name="downstream">Host B.</param>
    /// <param name="cookie">Whether A also reads the token from the <c>access_token</c> cookie.</param>
    public static async Task<GatewayHost> StartAsync(Uri kiwiUser, Uri downstream, bool cookie = false)
    {
        var builder = WebApplication.CreateBuilder(["--urls=http://127.0.0.1:0", "--environment=Production"]);
        builder.Logging.ClearProviders();
        builder.Configuration["KiwiAuth:BaseUrl"] = kiwiUser.ToString();
        builder.Configuration["KiwiAuth:TokenSources:Cookie"] = cookie ? "true" : "false";
        builder.Services.AddKiwiAuth();
        builder.Services.AddHttpClient("downstream", c => c.BaseAddress = downstream).AddKiwiTokenForwarding();

        var app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/v1/relay", RelayAsync);
        await app.StartAsync();
        return new GatewayHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task<IResult> RelayAsync(IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        using var response = await clients.CreateClient("downstream").GetAsync("v1/profile", cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return Results.Content(body, "application/json", statusCode: (int)response.StatusCode);
    }
}
