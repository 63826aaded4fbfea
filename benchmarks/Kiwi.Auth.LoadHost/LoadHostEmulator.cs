using Kiwi.User.Emulator;

namespace Kiwi.Auth.LoadHost;

/// <summary>Starts the kiwi-user emulator in-process on a free loopback port, with the fixture users and the given
/// signing key, so that minted tokens and remote verification agree with the public key of the other modes.</summary>
internal static class LoadHostEmulator
{
    public static Task<KiwiUserEmulator> StartAsync(string privateKeyFile) =>
        KiwiUserEmulator.StartAsync(new KiwiUserEmulatorOptions
        {
            Url = "http://127.0.0.1:0",
            Seed = EmulatorSeeds.Fixtures,
            SigningKeyFile = privateKeyFile,
        });
}
