using Kiwi.User.Emulator;

namespace Kiwi.Auth.Samples;

/// <summary>
/// Shared by the samples: in Development, when no kiwi-user is configured (no <c>KiwiAuth:BaseUrl</c>, no bypass,
/// no fixed <c>KiwiAuth:PublicKeyPem</c>), starts the kiwi-user emulator in-process with the demo users and points
/// Kiwi.Auth at it. Anywhere else a missing <c>KiwiAuth:BaseUrl</c> stops the start with a message that names it.
/// </summary>
internal static class DevelopmentEmulator
{
    public static async Task<KiwiUserEmulator?> StartIfNeededAsync(WebApplicationBuilder builder, string defaultUrl)
    {
        var configuration = builder.Configuration;
        var bypass = configuration.GetValue<bool>("KiwiAuth:LocalBypass:Enabled");
        var configured = !string.IsNullOrEmpty(configuration["KiwiAuth:BaseUrl"])
            || !string.IsNullOrEmpty(configuration["KiwiAuth:PublicKeyPem"]);
        if (!builder.Environment.IsDevelopment() || bypass || configured)
        {
            return null;
        }

        var emulator = await KiwiUserEmulator.StartAsync(new KiwiUserEmulatorOptions
        {
            Url = configuration["Sample:EmulatorUrl"] ?? defaultUrl,
            Seed = EmulatorSeeds.Demo,
        });
        configuration["KiwiAuth:BaseUrl"] = emulator.BaseAddress.ToString();
        return emulator;
    }

    /// <summary>Stops the emulator when the application stops.</summary>
    public static void StopWith(WebApplication app, KiwiUserEmulator emulator) =>
        app.Lifetime.ApplicationStopped.Register(() => emulator.DisposeAsync().AsTask().GetAwaiter().GetResult());
}
