using Kiwi.User.Emulator;

namespace Kiwi.Auth.EndToEnd.Tests.LocalMode;

/// <summary>One emulator started with the fixture key and users, and two APIs in front of it: one validating
/// remotely, one locally with the key it fetched.</summary>
public sealed class ParityFixture : IAsyncLifetime
{
    internal KiwiUserEmulator Emulator { get; private set; } = null!;

    internal KiwiApiServer Remote { get; private set; } = null!;

    internal KiwiApiServer Local { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await KiwiUserEmulator.StartAsync(new KiwiUserEmulatorOptions
        {
            Seed = EmulatorSeeds.Fixtures,
            SigningKeyPem = LocalModeFixtures.PrivateKeyPem,
        });

        Remote = await KiwiApiServer.StartAsync(o =>
        {
            o.BaseUrl = Emulator.BaseAddress;
            o.Mode = KiwiAuthMode.Remote;
        });
        Local = await KiwiApiServer.StartAsync(o =>
        {
            o.BaseUrl = Emulator.BaseAddress;
            o.Mode = KiwiAuthMode.Local;
        });

        // The key is fetched in the background; wait until the local API has it.
        var known = await LocalModeWait.UntilAsync(
            async () => await Local.StatusAsync(LocalModeFixtures.Token("valid-full")) == System.Net.HttpStatusCode.OK);
        Assert.True(known, "The local API never got kiwi-user's public key.");
    }

    public async Task DisposeAsync()
    {
        await Local.DisposeAsync();
        await Remote.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
