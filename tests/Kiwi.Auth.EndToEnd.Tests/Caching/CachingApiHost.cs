using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Kiwi.Auth.EndToEnd.Tests.Caching;

/// <summary>
/// One API instance on Kestrel (loopback, free port): <c>AddKiwiAuth</c> in remote mode against the emulator and,
/// when given one, <c>AddStackExchangeRedisCache</c> with nothing else set for Kiwi.Auth. <c>GET /claims</c>
/// answers the request's claims.
/// </summary>
internal sealed class CachingApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CachingApiHost(WebApplication app, Uri address, LogSink logs)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        Logs = logs;
    }

    public HttpClient Client { get; }

    public LogSink Logs { get; }

    public static async Task<CachingApiHost> StartAsync(
        Uri kiwiUser, string? redis = null, Action<KiwiAuthOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var logs = new LogSink();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);

        builder.Services.AddKiwiAuth(options =>
        {
            options.BaseUrl = kiwiUser;
            configure?.Invoke(options);
        });
        builder.Services.AddAuthorization();
        if (redis is not null)
        {
            builder.Services.AddStackExchangeRedisCache(options => options.ConfigurationOptions = RedisOptions(redis));
        }

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/claims", (HttpContext context) => Results.Ok(
            context.User.Claims.Select(c => new[] { c.Type, c.Value }).ToArray())).RequireAuthorization();
        await app.StartAsync();

        var address = app.Urls.Single();
        return new CachingApiHost(app, new Uri(address), logs);
    }

    /// <summary>What the README recommends: keep reconnecting in the background, and fail at once while Redis is
    /// down instead of queueing each command until its timeout.</summary>
    public static ConfigurationOptions RedisOptions(string redis)
    {
        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 2000;
        options.AsyncTimeout = 2000;
        return options;
    }

    public Task<HttpResponseMessage> GetClaimsAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/claims");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Keeps every log line of the host.</summary>
    internal sealed class LogSink : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string EventName, string Message)> Entries { get; } =
            new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
            Entries.Clear();
        }

        private sealed class Logger(LogSink owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue((category, logLevel, eventId.Name ?? "", formatter(state, exception)));
        }
    }
}
