using Kiwi.Auth;
using Kiwi.Auth.Testing;
using Kiwi.User.Emulator;

#pragma warning disable IDE0130 // Extension methods live in the DI namespace so that they are found without a using.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Points an API's Kiwi schemes at test tokens or at an emulator, after its own configuration.</summary>
public static class KiwiTestAuthServiceCollectionExtensions
{
    /// <summary>
    /// Validates tokens locally with the key of <see cref="KiwiTestTokens"/>, on every Kiwi scheme: the real local
    /// validation path runs, no kiwi-user is needed, and the local bypass is switched off. Everything else the API
    /// configured (applications, token sources, events, error format) stays.
    /// </summary>
    /// <param name="services">The API's services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddKiwiTestAuth(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.PostConfigureAll<KiwiAuthOptions>(options =>
        {
            options.Mode = KiwiAuthMode.Local;
            options.PublicKeyPem = KiwiTestTokens.PublicKeyPem;
            options.LocalBypass.Enabled = false;
        });
        return services;
    }

    /// <summary>
    /// Validates tokens remotely against a running emulator (see <see cref="KiwiUserEmulatorFixture"/>), on every
    /// Kiwi scheme, with the local bypass switched off: tokens from its logins or
    /// <see cref="EmulatorControl.IssueAccessToken"/> then work as against kiwi-user.
    /// </summary>
    /// <param name="services">The API's services.</param>
    /// <param name="emulator">The running emulator.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddKiwiEmulatorAuth(this IServiceCollection services, KiwiUserEmulator emulator)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(emulator);

        services.PostConfigureAll<KiwiAuthOptions>(options =>
        {
            options.Mode = KiwiAuthMode.Remote;
            options.BaseUrl = emulator.BaseAddress;
            options.LocalBypass.Enabled = false;
        });
        return services;
    }
}
