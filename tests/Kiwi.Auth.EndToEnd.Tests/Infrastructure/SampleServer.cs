using System.Net.Http.Headers;
using Kiwi.Auth.Samples.MinimalApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Kiwi.Auth.EndToEnd.Tests.Infrastructure;

/// <summary>The minimal-API sample, exactly as <c>dotnet run</c> builds it, on a free port on 127.0.0.1.</summary>
public sealed class SampleServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SampleServer(WebApplication app)
    {
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public IConfiguration Configuration => _app.Configuration;

    public IServiceProvider Services => _app.Services;

    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    /// <summary>Starts the sample.</summary>
    /// <param name="kiwiUser">kiwi-user's address, or <see langword="null"/> to leave <c>KiwiAuth:BaseUrl</c> unset.
    /// </param>
    /// <param name="environment">The host environment.</param>
    /// <param name="settings">More configuration, such as <c>KiwiAuth:Timeout</c>.</param>
    /// <param name="configure">Changes the builder after the test logging is set up.</param>
    public static async Task<SampleServer> StartAsync(
        Uri? kiwiUser,
        string environment = "Production",
        IReadOnlyDictionary<string, string>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0", $"--environment={environment}", "--Logging:LogLevel:Kiwi.Auth=Debug",
        };
        if (kiwiUser is not null)
        {
            args.Add($"--KiwiAuth:BaseUrl={kiwiUser}");
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            args.Add($"--{key}={value}");
        }

        var app = await SampleApp.BuildAsync([.. args], builder =>
        {
            builder.Logging.ClearProviders().AddFakeLogging().SetMinimumLevel(LogLevel.Debug);
            configure?.Invoke(builder);
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new SampleServer(app);
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request);
    }

    public int LogCount(string eventName) => Logs.GetSnapshot().Count(r => r.Id.Name == eventName);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
