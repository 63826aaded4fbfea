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

        var emulator = await DevelopmentEmulator.StartIfNeededAsync(builder, "http://127.0.0.1:5081");

        builder.Services.AddKiwiAuth();
        builder.Services.AddAuthorization();
        builder.AddSampleTelemetry();
        var app = builder.Build();

        SampleEndpoints.Map(app);
        app.MapSampleHealth();
        if (emulator is not null)
        {
            app.Lifetime.ApplicationStarted.Register(() => LoginHelp.Print(app, emulator.BaseAddress));
            DevelopmentEmulator.StopWith(app, emulator);
        }

        return app;
    }
}
