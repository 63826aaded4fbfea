using System.Net;
using Kiwi.Auth.Tests.Fixtures;
using Kiwi.Auth.Validation;
using Kiwi.Auth.Validation.Local;

namespace Kiwi.Auth.Tests.Local;

public sealed class KiwiPublicKeyRefreshServiceTests
{
    [Fact]
    public async Task Fetches_the_key_at_startup_without_holding_startup_up()
    {
        using var harness = new LocalHarness();
        harness.Endpoint.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var service = CreateService(harness);

        await service.StartAsync(CancellationToken.None).WaitAsync(Eventually.DefaultLimit);
        Assert.True(await Eventually.TrueAsync(() => harness.Endpoint.Requests == 1));
        var whileFetching = await harness.VerdictAsync(FixtureTokens.Named("valid-full").Token);
        harness.Endpoint.Gate.SetResult();
        Assert.True(await Eventually.TrueAsync(() => harness.Store.Current is not null));
        var afterwards = await harness.VerdictAsync(FixtureTokens.Named("valid-full").Token);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(TokenVerdictKind.Unavailable, whileFetching.Kind);
        Assert.Equal(TokenVerdictKind.Valid, afterwards.Kind);
    }

    [Fact]
    public async Task Refreshes_the_key_every_refresh_interval()
    {
        using var harness = new LocalHarness(o => o.KeyRefreshInterval = TimeSpan.FromHours(1));
        using var service = CreateService(harness);

        await service.StartAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => Scheduled(harness) == 1));
        harness.Time.Advance(TimeSpan.FromMinutes(59));
        var fetchedEarly = await Eventually.TrueAsync(
            () => harness.Endpoint.Requests > 1, TimeSpan.FromMilliseconds(300));
        Assert.True(await AdvanceUntilAsync(harness, () => harness.Endpoint.Requests == 2, TimeSpan.FromMinutes(1)));
        await service.StopAsync(CancellationToken.None);

        Assert.False(fetchedEarly);
        Assert.True(harness.Time.GetUtcNow() - LocalHarness.Now >= TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Retries_sooner_while_kiwi_user_cannot_give_a_key()
    {
        using var harness = new LocalHarness();
        harness.Endpoint.FailWith = HttpStatusCode.BadGateway;
        using var service = CreateService(harness);

        await service.StartAsync(CancellationToken.None);
        Assert.True(await AdvanceUntilAsync(harness, () => harness.Endpoint.Requests >= 3, TimeSpan.FromSeconds(1)));
        harness.Endpoint.FailWith = null;
        Assert.True(await AdvanceUntilAsync(harness, () => harness.Store.Current is not null, TimeSpan.FromSeconds(1)));
        await service.StopAsync(CancellationToken.None);

        Assert.True(harness.Time.GetUtcNow() - LocalHarness.Now < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Does_nothing_when_the_key_is_configured()
    {
        using var harness = new LocalHarness(o => o.PublicKeyPem = FixtureTokens.PublicKeyPem);
        using var service = CreateService(harness);

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(Eventually.DefaultLimit);

        Assert.Equal(0, harness.Endpoint.Requests);
    }

    [Fact]
    public async Task Does_nothing_in_remote_mode()
    {
        using var harness = new LocalHarness(o => o.Mode = KiwiAuthMode.Remote);
        using var service = CreateService(harness);

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(Eventually.DefaultLimit);

        Assert.Null(harness.Store.Current);
        Assert.Equal(0, harness.Endpoint.Requests);
    }

    [Fact]
    public async Task Does_nothing_while_the_local_bypass_is_on()
    {
        using var harness = new LocalHarness(o => o.LocalBypass.Enabled = true);
        using var service = CreateService(harness);

        await service.StartAsync(CancellationToken.None);
        await service.ExecuteTask!.WaitAsync(Eventually.DefaultLimit);

        Assert.False(harness.Store.FetchesFromKiwiUser);
        Assert.Equal(0, harness.Endpoint.Requests);
    }

    [Theory]
    [InlineData(0, 3600)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    [InlineData(6, 30)]
    [InlineData(100, 30)]
    public void Backs_off_from_one_second_to_thirty_after_failures(int failures, int seconds)
    {
        var delay = KiwiPublicKeyRefreshService.NextDelay(failures, TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.FromSeconds(seconds), delay);
    }

    [Fact]
    public void Never_waits_longer_than_the_refresh_interval()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), KiwiPublicKeyRefreshService.NextDelay(9, TimeSpan.FromSeconds(10)));
    }

    private static KiwiPublicKeyRefreshService CreateService(LocalHarness harness) =>
        new(harness.Store, harness.Time, harness.Logger<KiwiPublicKeyRefreshService>());

    private static int Scheduled(LocalHarness harness) =>
        harness.Logs.GetSnapshot().Count(r => r.Id.Name == "PublicKeyRefreshScheduled");

    /// <summary>Moves the fake clock in steps until the background work reaches the state; a step taken before
    /// the service armed its timer only delays the state, it cannot fake it.</summary>
    private static async Task<bool> AdvanceUntilAsync(LocalHarness harness, Func<bool> condition, TimeSpan step)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await Eventually.TrueAsync(condition, TimeSpan.FromMilliseconds(50)))
            {
                return true;
            }

            harness.Time.Advance(step);
        }

        return false;
    }
}
