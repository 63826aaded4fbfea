using System.Net;
using Kiwi.Auth.Tests.Fixtures;
using Kiwi.Auth.Validation;

namespace Kiwi.Auth.Tests.Local;

/// <summary>Forged tokens arriving while the background refresh's fetch hangs, then while kiwi-user fails.</summary>
public sealed class KeyStoreFloodTests
{
    [Fact]
    public async Task Forged_tokens_join_a_hanging_refresh_and_the_store_stays_usable_after_a_failed_fetch()
    {
        using var harness = await LocalHarness.WithKeyAsync(o => o.KeyRefetchInterval = TimeSpan.FromMinutes(5));
        harness.Endpoint.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refresh = harness.Store.RefreshAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => harness.Endpoint.Requests == 2));

        var forged = Enumerable.Range(0, 50)
            .Select(i => TestTokens.Kiwi(TestTokens.Payload(sub: $"7{i}"), TestTokens.ForgerKey))
            .Select(t => Task.Run(() => harness.VerdictAsync(t)))
            .ToList();
        harness.Endpoint.Gate.SetResult();
        var verdicts = await Task.WhenAll(forged);
        Assert.True(await refresh);

        harness.Endpoint.FailWith = HttpStatusCode.InternalServerError;
        for (var i = 0; i < 20; i++)
        {
            await harness.VerdictAsync(TestTokens.Kiwi(TestTokens.Payload(sub: $"8{i}"), TestTokens.ForgerKey));
        }

        Assert.All(verdicts, v => Assert.Equal(TokenFailureReasons.BadSignature, v.Reason));
        // Startup, the refresh, and one refetch for the whole flood (whether it joined the refresh or came after).
        Assert.Equal(3, harness.Endpoint.Requests);
        var genuine = await harness.VerdictAsync(FixtureTokens.Named("valid-full").Token);
        Assert.Equal(TokenVerdictKind.Valid, genuine.Kind);
    }
}
