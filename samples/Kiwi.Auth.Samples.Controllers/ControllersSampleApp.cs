using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kiwi.Auth.Samples.Controllers;

/// <summary>
/// Builds the controllers sample: <c>AddKiwiAuth()</c>, controllers with <c>[Authorize]</c>, roles,
/// <c>[RequireScope]</c>, <c>[RequireOrganization]</c> and an anonymous action. In Development without a configured
/// kiwi-user it starts the emulator in-process (see <see cref="DevelopmentEmulator"/>).
/// </summary>
public static class ControllersSampleApp
{
    public const string DefaultUrl = "http://127.0.0.1:5082";

    public const string DefaultEmulatorUrl = "http://127.0.0.1:5083";

    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var emulator = await DevelopmentEmulator.StartIfNeededAsync(builder, DefaultEmulatorUrl);

        // Errors as RFC 9457 problem details through AddProblemDetails(); the minimal-API sample keeps the envelope.
        // No appsettings.json here: a test project that references both samples would get two in one folder.
        builder.Services.AddKiwiAuth(o => o.ErrorFormat = KiwiErrorFormat.ProblemDetails);
        builder.Services.AddProblemDetails();
        // Named explicitly: when a test host builds the app, the entry assembly is the test's, not this one.
        builder.Services.AddControllers().AddApplicationPart(typeof(ControllersSampleApp).Assembly);
        var app = builder.Build();

        app.UseAuthentication();
        app.UseAuthorization();
        app.MapControllers();
        if (emulator is not null)
        {
            app.Lifetime.ApplicationStarted.Register(() => PrintAddresses(app, emulator.BaseAddress));
            DevelopmentEmulator.StopWith(app, emulator);
        }

        return app;
    }

    private static void PrintAddresses(WebApplication app, Uri emulator)
    {
        var sample = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?
            .Addresses.FirstOrDefault() ?? DefaultUrl;
        Console.WriteLine($"""

            kiwi-user emulator: {emulator} (alice/alice-password has role user: read, write; bob/bob-password
                                role viewer: read)
            Controllers sample: {sample}
              GET  /api/health                 anonymous
              GET  /api/profile                any kiwi user
              GET  /api/notes                  role user (bob: 403)
              POST /api/notes                  scope write (bob: 403 insufficient_scope)
              GET  /api/orgs/{"{orgId}"}/projects  a session in that organization

            """);
    }
}
