using Kiwi.Auth.Caching;
using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Kiwi.Auth.Tests.Caching;

/// <summary>The bound on stored invalid verdicts when schemes (or a reload) use different negative durations.
/// </summary>
public sealed class NegativeWindowTests
{
    [Fact]
    public async Task A_scheme_with_a_short_negative_duration_does_not_lift_the_bound_of_one_with_a_long_one()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_764_806_400));
        using var provider = new ServiceCollection().AddHybridCache().Services.BuildServiceProvider();
        var cache = new VerdictCache(provider.GetRequiredService<HybridCache>(), time,
            NullLogger<VerdictCache>.Instance) { NegativeEntriesPerWindow = 3 };
        var longLived = new KiwiAuthOptions { NegativeCacheDuration = TimeSpan.FromHours(1) };
        var shortLived = new KiwiAuthOptions { NegativeCacheDuration = TimeSpan.FromSeconds(1) };
        var invalid = TokenVerdict.Invalid(TokenFailureReasons.RejectedByKiwiUser);
        var stored = new List<(string Key, KiwiToken Token)>();

        for (var round = 0; round < 5; round++)
        {
            var shortToken = TestTokens.Create(time.GetUtcNow().AddMinutes(10));
            await cache.StoreAsync("short:" + round, shortToken, invalid, shortLived);
            for (var i = 0; i < 3; i++)
            {
                var token = TestTokens.Create(time.GetUtcNow().AddMinutes(10));
                var key = "long:" + round + ":" + i;
                await cache.StoreAsync(key, token, invalid, longLived);
                stored.Add((key, token));
            }

            time.Advance(TimeSpan.FromSeconds(2));
        }

        // Every long-lived entry is still alive; at most twice the limit may be held at once.
        var alive = stored.Count(s => cache.GetLocal(s.Key, s.Token) is not null);
        Assert.InRange(alive, 1, 6);
    }
}
