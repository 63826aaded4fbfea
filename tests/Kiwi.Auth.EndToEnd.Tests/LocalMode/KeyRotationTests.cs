using System.Net;
using Kiwi.User.Emulator;

namespace Kiwi.Auth.EndToEnd.Tests.LocalMode;

public sealed class KeyRotationTests
{
    private const string PublicKeyPath = "/v1/token/publickey";

    [Fact]
    public async Task After_kiwi_user_rotates_its_key_the_first_new_token_succeeds_with_exactly_one_extra_fetch()
    {
        await using var emulator = await StartEmulatorAsync();
        await using var api = await StartLocalApiAsync(emulator);
        await WaitForKeyAsync(emulator, api);
        var fetchesBefore = emulator.Control.RequestCount(PublicKeyPath);

        emulator.Control.RotateSigningKey();
        var newToken = emulator.Control.IssueAccessToken(LocalModeFixtures.UserId);
        var status = await api.StatusAsync(newToken);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(fetchesBefore + 1, emulator.Control.RequestCount(PublicKeyPath));
    }

    [Fact]
    public async Task Two_hundred_forged_tokens_cost_at_most_one_extra_fetch()
    {
        await using var emulator = await StartEmulatorAsync();
        await using var api = await StartLocalApiAsync(emulator);
        await WaitForKeyAsync(emulator, api);
        var fetchesBefore = emulator.Control.RequestCount(PublicKeyPath);

        var statuses = new List<HttpStatusCode>();
        foreach (var batch in Enumerable.Range(0, 200).Chunk(20))
        {
            var forged = batch.Select(i => api.StatusAsync(LocalModeFixtures.Forged($"9{i}")));
            statuses.AddRange(await Task.WhenAll(forged));
        }

        Assert.Equal(200, statuses.Count);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.InRange(emulator.Control.RequestCount(PublicKeyPath) - fetchesBefore, 0, 1);
    }

    [Fact]
    public async Task Answers_503_not_401_until_the_key_is_known_and_200_once_kiwi_user_serves_it()
    {
        await using var emulator = await StartEmulatorAsync();
        emulator.Control.InjectFault(new EmulatorFault { Path = PublicKeyPath, Kind = EmulatorFaultKind.Status });
        var token = emulator.Control.IssueAccessToken(LocalModeFixtures.UserId);
        await using var api = await StartLocalApiAsync(emulator);
        Assert.True(await LocalModeWait.UntilAsync(
            () => Task.FromResult(emulator.Control.RequestCount(PublicKeyPath) > 0)));

        using var unavailable = await api.GetClaimsAsync(token);
        emulator.Control.ClearFaults();
        var recovered = await LocalModeWait.UntilAsync(
            async () => await api.StatusAsync(token) == HttpStatusCode.OK, TimeSpan.FromSeconds(90));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
        Assert.True(unavailable.Headers.Contains("Retry-After"));
        Assert.Contains("public key", await unavailable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(recovered, "The API never got the key after kiwi-user recovered.");
    }

    private static Task<KiwiUserEmulator> StartEmulatorAsync() =>
        KiwiUserEmulator.StartAsync(new KiwiUserEmulatorOptions { Seed = EmulatorSeeds.Fixtures });

    private static Task<KiwiApiServer> StartLocalApiAsync(KiwiUserEmulator emulator) =>
        KiwiApiServer.StartAsync(o =>
        {
            o.BaseUrl = emulator.BaseAddress;
            o.Mode = KiwiAuthMode.Local;
        });

    /// <summary>Waits until the background fetch at startup has brought the key.</summary>
    private static async Task WaitForKeyAsync(KiwiUserEmulator emulator, KiwiApiServer api)
    {
        var token = emulator.Control.IssueAccessToken(LocalModeFixtures.UserId);
        var known = await LocalModeWait.UntilAsync(async () => await api.StatusAsync(token) == HttpStatusCode.OK);
        Assert.True(known, "The local API never got kiwi-user's public key.");
        Assert.Equal(1, emulator.Control.RequestCount(PublicKeyPath));
    }
}
