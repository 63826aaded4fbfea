using System.Security.Claims;

namespace Kiwi.Auth.LoadHost;

/// <summary>Serves <c>GET /v1/profile</c> (the user id, or 401 without a user) on a loopback URL until stopped.
/// </summary>
internal static class ServeCommand
{
    /// <summary>What the endpoint answers when authentication is off.</summary>
    private const string AnonymousUserId = "1864213360487714816";

    public static async Task<int> RunAsync(LoadHostArguments arguments)
    {
        var mode = LoadHostModes.Parse(arguments.Require("mode"));
        var url = arguments.Get("url", "http://127.0.0.1:0");

        // Remote mode asks kiwi-user: the one given, or an emulator started here (used only on cache misses).
        await using var emulator = mode == LoadHostMode.KiwiRemote && arguments.Find("kiwi-url") is null
            ? await LoadHostEmulator.StartAsync(arguments.Require("private-key"))
            : null;
        var kiwiUrl = emulator?.BaseAddress ?? (arguments.Find("kiwi-url") is { } given ? new Uri(given) : null);

        var app = Build(mode, url, arguments, kiwiUrl);
        await app.StartAsync();

        var address = app.Urls.First();
        Console.WriteLine($"Listening on {address} in mode {arguments.Require("mode")}");
        if (arguments.Find("ready-file") is { } readyFile)
        {
            await File.WriteAllTextAsync(readyFile, address);
        }

        await app.WaitForShutdownAsync();
        return 0;
    }

    private static WebApplication Build(LoadHostMode mode, string url, LoadHostArguments arguments, Uri? kiwiUrl)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(url);
        LoadHostAuthentication.Add(builder.Services, mode, arguments, kiwiUrl);

        var app = builder.Build();
        if (mode == LoadHostMode.None)
        {
            app.MapGet("/v1/profile", static () => AnonymousUserId);
            return app;
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/v1/profile", static (ClaimsPrincipal user) => user.FindFirstValue(KiwiClaimTypes.Subject) ?? "")
            .RequireAuthorization();
        return app;
    }
}
