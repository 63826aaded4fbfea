using Kiwi.User.Emulator;

namespace Kiwi.Auth.Samples.MinimalApi;

/// <summary>
/// Builds the sample API. In Development without <c>KiwiAuth:BaseUrl</c>, it starts the kiwi-user emulator
/// in-process first and points Kiwi.Auth at it; with <c>KiwiAuth:BaseUrl</c> set it talks to that kiwi-user.
/// Tests call <see cref="BuildAsync"/> with <c>--urls http://127.0.0.1:0</c> and their own settings.
/// </summary>
public static class SampleApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var emulator = await StartEmulatorIfNeededAsync(builder);

        builder.Services.AddKiwiAuth();
        builder.Services.AddAuthorization();
        builder.AddSampleTelemetry();
        var app = builder.Build();

        SampleEndpoints.Map(app);
        app.MapSampleHealth();
        if (emulator is not null)
        {
            app.Lifetime.ApplicationStarted.Register(() => LoginHelp.Print(app, emulator.BaseAddress));
            app.Lifetime.ApplicationStopped.Register(() => emulator.DisposeAsync().AsTask().GetAwaiter().GetResult());
        }

        return app;
    }

    /// <summary>Only in Development and only when no kiwi-user is configured: anywhere else a missing
    /// <c>KiwiAuth:BaseUrl</c> stops the start with a message that names it.</summary>
    private static async Task<KiwiUserEmulator?> StartEmulatorIfNeededAsync(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var bypass = configuration.GetValue<bool>("KiwiAuth:LocalBypass:Enabled");
        if (!builder.Environment.IsDevelopment() || bypass || !string.IsNullOrEmpty(configuration["KiwiAuth:BaseUrl"]))
        {
            return null;
        }

        var emulator = await KiwiUserEmulator.StartAsync(new KiwiUserEmulatorOptions
        {
            Url = configuration["Sample:EmulatorUrl"] ?? "http://127.0.0.1:5081",
            Seed = EmulatorSeeds.Demo,
        });
        configuration["KiwiAuth:BaseUrl"] = emulator.BaseAddress.ToString();
        return emulator;
    }
}
