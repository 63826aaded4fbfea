using Kiwi.User.Emulator.Endpoints;
using Kiwi.User.Emulator.Http;
using Kiwi.User.Emulator.Internal;
using Kiwi.User.Emulator.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiwi.User.Emulator;

/// <summary>
/// A running kiwi-user emulator on a Kestrel server. Start one with <see cref="StartAsync"/>; dispose it to stop.
/// </summary>
public sealed class KiwiUserEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorRuntime _runtime;
    private int _stopped;

    private KiwiUserEmulator(WebApplication app, EmulatorRuntime runtime, EmulatorControl control)
    {
        _app = app;
        _runtime = runtime;
        Control = control;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>
    /// The first address it listens on, with a trailing slash, such as <c>http://127.0.0.1:41234/</c>.
    /// </summary>
    public Uri BaseAddress { get; }

    /// <summary>Controls the running emulator: faults, counters, codes, users, key rotation, reset.</summary>
    public EmulatorControl Control { get; }

    /// <summary>Starts an emulator and returns once it accepts connections.</summary>
    /// <param name="options">How to start it; null = defaults (free loopback port, demo seed, new key).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator.</returns>
    public static async Task<KiwiUserEmulator> StartAsync(
        KiwiUserEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new KiwiUserEmulatorOptions();
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger("Kiwi.User.Emulator");
        var runtime = new EmulatorRuntime(options, LoadSeed(options), LoadKey(options), logger);
        var control = new EmulatorControl(runtime);
        var app = Build(options, runtime, control, loggerFactory);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            runtime.Dispose();
            throw;
        }

        var emulator = new KiwiUserEmulator(app, runtime, control);
        logger.Started(emulator.BaseAddress.ToString());
        return emulator;
    }

    /// <summary>Stops listening; requests in flight get a moment to finish.</summary>
    /// <param name="cancellationToken">Ends the graceful wait early.</param>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    /// <summary>Stops the server and releases the signing keys.</summary>
    /// <returns>A task that completes when everything is released.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
        _runtime.Dispose();
    }

    private static WebApplication Build(
        KiwiUserEmulatorOptions options, EmulatorRuntime runtime, EmulatorControl control, ILoggerFactory loggers)
    {
        // The empty builder reads no appsettings.json and no environment: configuration is in code only.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(KiwiUserEmulator).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().UseUrls(options.Url.Split(';', StringSplitOptions.RemoveEmptyEntries));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        var app = builder.Build();
        var dispatcher = new EmulatorDispatcher(runtime, MapRoutes(runtime), new ControlApi(control));
        app.Run(dispatcher.HandleAsync);
        return app;
    }

    private static RouteTable MapRoutes(EmulatorRuntime runtime)
    {
        var routes = new RouteTable();
        PingEndpoint.Map(routes);
        new PasswordLoginEndpoint(runtime).Map(routes);
        new OrganizationLoginEndpoint(runtime).Map(routes);
        new CodeLoginEndpoints(runtime).Map(routes);
        new SocialLoginEndpoints(runtime).Map(routes);
        new TokenEndpoints(runtime).Map(routes);
        new UserEndpoints(runtime).Map(routes);
        new OrganizationApplicationEndpoints(runtime).Map(routes);
        new InternalEndpoints(runtime).Map(routes);
        return routes;
    }

    private static EmulatorSeed LoadSeed(KiwiUserEmulatorOptions options) =>
        options.Seed ?? (options.SeedFile is { } file ? EmulatorSeeds.Load(file) : EmulatorSeeds.Demo);

    private static SigningKey LoadKey(KiwiUserEmulatorOptions options)
    {
        var pem = options.SigningKeyPem
            ?? (options.SigningKeyFile is { } file ? File.ReadAllText(file) : null);
        return pem is null ? SigningKey.Generate() : SigningKey.FromPkcs1Pem(pem);
    }
}
