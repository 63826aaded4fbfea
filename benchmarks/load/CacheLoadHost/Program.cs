using Kiwi.Auth;
using Kiwi.User.Emulator;

// The API cache-throughput.sh loads, mirroring the minimal-API sample's GET /v1/profile with a small body:
//   --auth on   Kiwi.Auth in remote mode (cache on, defaults) against an in-process emulator, /v1/profile for users
//   --auth off  no authentication at all; the same endpoint answers a fixed user
// Both write the tokens to --tokens (one a line; 1,000 distinct devices of one user) and the URL to --ready.
var settings = Settings.Parse(args);

await using var emulator = await KiwiUserEmulator.StartAsync(new KiwiUserEmulatorOptions
{
    Url = "http://127.0.0.1:0",
    Seed = EmulatorSeeds.Fixtures,
    AccessTokenLifetime = TimeSpan.FromHours(1),
});

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
if (settings.Authenticate)
{
    builder.Services.AddKiwiAuth(o => o.BaseUrl = emulator.BaseAddress);
    builder.Services.AddAuthorization();
}

var app = builder.Build();
if (settings.Authenticate)
{
    app.UseAuthentication();
    app.UseAuthorization();
    app.MapGet("/v1/profile", (KiwiUser user) => Results.Ok(new Profile(user.Id))).RequireUser();
}
else
{
    app.MapGet("/v1/profile", () => Results.Ok(new Profile("1864213360487714816")));
}

app.MapGet("/_load/verify-count", () => emulator.Control.RequestCount("/v1/token/verify"));
await app.StartAsync();

var tokens = Enumerable.Range(0, 1000)
    .Select(i => emulator.Control.IssueAccessToken("1864213360487714816", deviceId: $"load-{i:D4}"));
await File.WriteAllLinesAsync(settings.TokensFile, tokens);
await File.WriteAllTextAsync(settings.ReadyFile, app.Urls.Single());
await app.WaitForShutdownAsync();

/// <summary>The JSON body of /v1/profile in both settings.</summary>
internal sealed record Profile(string user_id);

/// <summary>The command line.</summary>
internal sealed record Settings(bool Authenticate, string TokensFile, string ReadyFile)
{
    public static Settings Parse(string[] args)
    {
        string Value(string name) =>
            args.SkipWhile(a => a != name).Skip(1).FirstOrDefault()
            ?? throw new ArgumentException($"{name} is required.");

        return new Settings(Value("--auth") == "on", Value("--tokens"), Value("--ready"));
    }
}
