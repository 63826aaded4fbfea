using System.Security.Claims;
using Kiwi.Auth;
using Kiwi.User.Emulator;
using Microsoft.AspNetCore.Authentication;

// The API cache-throughput.sh loads, mirroring the minimal-API sample's GET /v1/profile with a small body:
//   --auth on     Kiwi.Auth in remote mode (cache on, defaults) against an in-process emulator, /v1/profile for users
//   --auth floor  the same middleware and endpoint shape with a scheme that does nothing but hand out one fixed
//                 user: what ASP.NET Core's authentication and authorization cost by themselves
//   --auth off    no authentication at all; the same endpoint answers a fixed user
// All write the tokens to --tokens (one a line; 1,000 distinct devices of one user) and the URL to --ready.
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
switch (settings.Auth)
{
    case "on":
        builder.Services.AddKiwiAuth(o => o.BaseUrl = emulator.BaseAddress);
        break;
    case "floor":
        builder.Services.AddAuthentication(FixedUserHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, FixedUserHandler>(FixedUserHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        break;
}

var app = builder.Build();
switch (settings.Auth)
{
    case "on":
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/v1/profile", (KiwiUser user) => Results.Ok(new Profile(user.Id))).RequireUser();
        break;
    case "floor":
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/v1/profile", (ClaimsPrincipal user) => Results.Ok(new Profile(user.FindFirstValue("sub")!)))
            .RequireAuthorization();
        break;
    default:
        app.MapGet("/v1/profile", () => Results.Ok(new Profile(FixedUserHandler.UserId)));
        break;
}

app.MapGet("/_load/verify-count", () => emulator.Control.RequestCount("/v1/token/verify"));
await app.StartAsync();

var tokens = Enumerable.Range(0, 1000)
    .Select(i => emulator.Control.IssueAccessToken(FixedUserHandler.UserId, deviceId: $"load-{i:D4}"));
await File.WriteAllLinesAsync(settings.TokensFile, tokens);
await File.WriteAllTextAsync(settings.ReadyFile, app.Urls.Single());
await app.WaitForShutdownAsync();

/// <summary>The JSON body of /v1/profile in every setting.</summary>
internal sealed record Profile(string user_id);

/// <summary>The command line.</summary>
internal sealed record Settings(string Auth, string TokensFile, string ReadyFile)
{
    public static Settings Parse(string[] args)
    {
        string Value(string name) =>
            args.SkipWhile(a => a != name).Skip(1).FirstOrDefault()
            ?? throw new ArgumentException($"{name} is required.");

        var auth = Value("--auth");
        return auth is "on" or "floor" or "off"
            ? new Settings(auth, Value("--tokens"), Value("--ready"))
            : throw new ArgumentException("--auth is on, floor or off.");
    }
}
