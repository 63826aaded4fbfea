using Kiwi.User.Emulator;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

#pragma warning disable IDE0130 // Beside WebApplicationFactory, so that the extensions are found without a using.
namespace Microsoft.AspNetCore.Mvc.Testing;
#pragma warning restore IDE0130

/// <summary>One line to run a <see cref="WebApplicationFactory{TEntryPoint}"/> API with test tokens or the emulator.
/// </summary>
public static class KiwiTestAuthWebApplicationFactoryExtensions
{
    /// <summary>
    /// A factory whose API validates <c>KiwiTestTokens</c> locally; see
    /// <see cref="KiwiTestAuthServiceCollectionExtensions.AddKiwiTestAuth"/>. <c>KiwiAuth:Mode</c> and
    /// <c>KiwiAuth:PublicKeyPem</c> are also set as host settings, so that code in <c>Program</c> that looks at
    /// them (to start an emulator when no kiwi-user is configured, say) sees the test setup.
    /// </summary>
    /// <typeparam name="TEntryPoint">The API's entry point.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <returns>A new factory.</returns>
    public static WebApplicationFactory<TEntryPoint> WithKiwiTestAuth<TEntryPoint>(
        this WebApplicationFactory<TEntryPoint> factory)
        where TEntryPoint : class
    {
        ArgumentNullException.ThrowIfNull(factory);

        return factory.WithWebHostBuilder(builder => builder
            .UseSetting("KiwiAuth:Mode", "Local")
            .UseSetting("KiwiAuth:PublicKeyPem", Kiwi.Auth.Testing.KiwiTestTokens.PublicKeyPem)
            .ConfigureTestServices(services => services.AddKiwiTestAuth()));
    }

    /// <summary>A factory whose API validates tokens against <paramref name="emulator"/>; see
    /// <see cref="KiwiTestAuthServiceCollectionExtensions.AddKiwiEmulatorAuth"/>.</summary>
    /// <typeparam name="TEntryPoint">The API's entry point.</typeparam>
    /// <param name="factory">The factory.</param>
    /// <param name="emulator">The running emulator.</param>
    /// <returns>A new factory.</returns>
    public static WebApplicationFactory<TEntryPoint> WithKiwiEmulator<TEntryPoint>(
        this WebApplicationFactory<TEntryPoint> factory, KiwiUserEmulator emulator)
        where TEntryPoint : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(emulator);

        return factory.WithWebHostBuilder(builder => builder
            .UseSetting("KiwiAuth:BaseUrl", emulator.BaseAddress.ToString())
            .ConfigureTestServices(services => services.AddKiwiEmulatorAuth(emulator)));
    }
}
