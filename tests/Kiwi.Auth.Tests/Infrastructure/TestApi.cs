using System.Net.Http.Headers;
using Kiwi.Auth.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Kiwi.Auth.Tests.Infrastructure;

/// <summary>An API protected by Kiwi.Auth on a real Kestrel port on 127.0.0.1, with <see cref="FakeKiwiUser"/>
/// in place of the network below the resilience pipeline. It records how every request ended on the server.
/// </summary>
public sealed class TestApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestApi(WebApplication app, FakeKiwiUser kiwiUser, FakeLogCollector logs)
    {
        _app = app;
        KiwiUser = kiwiUser;
        Logs = logs;
        Client = new HttpClient { BaseAddress = new Uri(Address), Timeout = TimeSpan.FromSeconds(30) };
    }

    public FakeKiwiUser KiwiUser { get; }

    public FakeLogCollector Logs { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public ServerOutcomes Outcomes => _app.Services.GetRequiredService<ServerOutcomes>();

    private string Address => _app.Services.GetRequiredService<IServer>().Features
        .Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<TestApi> StartAsync(
        Action<KiwiAuthOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        string environment = "Production")
    {
        var kiwiUser = new FakeKiwiUser();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddFakeLogging().SetMinimumLevel(LogLevel.Debug);

        builder.Services.AddSingleton<ServerOutcomes>();
        builder.Services.AddKiwiAuth(o =>
        {
            o.BaseUrl = new Uri("http://kiwi-user.invalid/");
            o.RetryDelay = TimeSpan.FromMilliseconds(1);
            configure?.Invoke(o);
        });
        builder.Services.AddHttpClient(KiwiAuthDefaults.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => kiwiUser);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy("admin", p => p.RequireAuthenticatedUser().RequireClaim(KiwiClaimTypes.Scope, "admin"));
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseMiddleware<OutcomeRecorder>();
        app.UseAuthentication();
        app.UseAuthorization();
        MapEndpoints(app);

        await app.StartAsync();
        return new TestApi(app, kiwiUser, app.Services.GetFakeLogCollector());
    }

    public static HttpRequestMessage Get(string path, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    public static HttpRequestMessage GetWithBearer(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapGet("/public", () => "public");
        app.MapGet("/user", (KiwiUser user) => new { id = user.Id, scopes = user.Scopes }).RequireUser();
        app.MapGet("/authorized", (HttpContext context) => context.User.GetKiwiUserId()).RequireAuthorization();
        app.MapGet("/admin", (KiwiUser user) => user.Id).RequireUser().RequireAuthorization("admin");
    }

    /// <summary>How each request ended on the server: its status and any exception that left the pipeline.</summary>
    public sealed class ServerOutcomes
    {
        private readonly List<(int Status, Exception? Exception)> _outcomes = [];

        public IReadOnlyList<(int Status, Exception? Exception)> All
        {
            get
            {
                lock (_outcomes)
                {
                    return [.. _outcomes];
                }
            }
        }

        public void Add(int status, Exception? exception)
        {
            lock (_outcomes)
            {
                _outcomes.Add((status, exception));
            }
        }
    }

    private sealed class OutcomeRecorder(RequestDelegate next, ServerOutcomes outcomes)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            try
            {
                await next(context);
                outcomes.Add(context.Response.StatusCode, null);
            }
            catch (Exception exception)
            {
                outcomes.Add(500, exception);
                throw;
            }
        }
    }
}
