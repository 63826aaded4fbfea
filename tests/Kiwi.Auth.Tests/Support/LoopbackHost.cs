using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kiwi.Auth.Tests.Support;

/// <summary>A real Kestrel host on a free 127.0.0.1 port, and a client pointed at it.</summary>
public sealed class LoopbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackHost(WebApplication app, Uri address)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<LoopbackHost> StartAsync(
        Action<WebApplicationBuilder> configureServices,
        Action<WebApplication> configureApp,
        string environment = "Production")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        configureServices(builder);

        var app = builder.Build();
        configureApp(app);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First();
        return new LoopbackHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
