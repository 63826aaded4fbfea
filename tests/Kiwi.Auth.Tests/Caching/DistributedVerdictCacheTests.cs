using Kiwi.Auth.Caching;
using Kiwi.Auth.Validation;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;

namespace Kiwi.Auth.Tests.Caching;

public sealed class DistributedVerdictCacheTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_second_instance_sharing_the_distributed_cache_reuses_the_verdict_with_equal_claims()
    {
        var shared = new SharedDistributedCache();
        using var first = new VerdictHarness(distributed: shared);
        using var second = new VerdictHarness(time: first.Time, distributed: shared);
        var token = TestTokens.Create(first.Time.GetUtcNow().AddMinutes(10));

        var validated = await first.VerdictAsync(token);
        var reused = await second.VerdictAsync(token);

        Assert.Equal(1, first.Calls);
        Assert.Equal(0, second.Calls);
        Assert.Equal(TokenVerdictKind.Valid, reused.Kind);
        CachedVerdictSerializerTests.AssertSameUser(validated.User!, reused.User!);
    }

    [Fact]
    public async Task An_instance_trusting_another_kiwi_user_never_reuses_a_verdict_from_the_shared_cache()
    {
        var shared = new SharedDistributedCache();
        using var staging = new VerdictHarness(
            o => o.BaseUrl = new Uri("https://user.staging.example/"), distributed: shared);
        using var production = new VerdictHarness(
            o => o.BaseUrl = new Uri("https://user.example/"), staging.Time, shared);
        var token = TestTokens.Create(staging.Time.GetUtcNow().AddMinutes(10));

        await staging.VerdictAsync(token);
        await production.VerdictAsync(token);

        Assert.Equal(1, staging.Calls);
        Assert.Equal(1, production.Calls);
    }

    [Fact]
    public async Task A_verdict_read_back_from_the_distributed_cache_is_not_served_after_the_token_expires()
    {
        var shared = new SharedDistributedCache();
        using var first = new VerdictHarness(o => o.CacheDuration = TimeSpan.FromMinutes(5), distributed: shared);
        using var second = new VerdictHarness(o => o.CacheDuration = TimeSpan.FromMinutes(5), first.Time, shared);
        var token = TestTokens.Create(first.Time.GetUtcNow().AddSeconds(20));
        await first.VerdictAsync(token);

        first.Time.Advance(TimeSpan.FromSeconds(21));
        await second.VerdictAsync(token);

        Assert.Equal(1, second.Calls);
    }

    [Fact]
    public async Task A_broken_distributed_cache_degrades_to_memory_with_a_logged_warning()
    {
        var shared = new SharedDistributedCache { Broken = true };
        using var harness = new VerdictHarness(distributed: shared);
        var token = TestTokens.Create(harness.Time.GetUtcNow().AddMinutes(10));

        var first = await harness.VerdictAsync(token).AsTask().WaitAsync(Patience);
        var second = await harness.VerdictAsync(token).AsTask().WaitAsync(Patience);

        Assert.Equal(TokenVerdictKind.Valid, first.Kind);
        Assert.Equal(TokenVerdictKind.Valid, second.Kind);
        Assert.Equal(1, harness.Calls);
        Assert.Contains(harness.Logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_stalled_distributed_cache_costs_a_request_the_budget_and_no_more()
    {
        var shared = new SharedDistributedCache { Stalled = true };
        using var harness = new VerdictHarness(distributed: shared, cache: provider => new VerdictCache(
            provider.GetRequiredService<HybridCache>(), provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<VerdictCache>>(), shared)
        {
            DistributedCacheBudget = TimeSpan.FromMilliseconds(50),
        });
        var token = TestTokens.Create(harness.Time.GetUtcNow().AddMinutes(10));

        var first = await harness.VerdictAsync(token).AsTask().WaitAsync(Patience);
        var second = await harness.VerdictAsync(token).AsTask().WaitAsync(Patience);

        Assert.Equal(TokenVerdictKind.Valid, first.Kind);
        Assert.Equal(TokenVerdictKind.Valid, second.Kind);
        Assert.Equal(1, harness.Calls);
        Assert.Contains(harness.Logs.Entries, e => e.Id.Name == "VerdictCacheReadTimedOut");
        Assert.Contains(harness.Logs.Entries, e => e.Id.Name == "VerdictCacheWriteTimedOut");
    }

    [Fact]
    public async Task An_unavailable_verdict_never_reaches_the_distributed_cache()
    {
        var shared = new SharedDistributedCache();
        using var first = new VerdictHarness(distributed: shared);
        using var second = new VerdictHarness(time: first.Time, distributed: shared);
        var token = TestTokens.Create(first.Time.GetUtcNow().AddMinutes(10));
        first.Validator.Setup(v => v.ValidateAsync(token, It.IsAny<CancellationToken>()))
            .ReturnsAsync(TokenVerdict.Unavailable(TokenFailureReasons.KiwiUserUnavailable));

        await first.VerdictAsync(token);
        var verdict = await second.VerdictAsync(token);

        Assert.Equal(TokenVerdictKind.Valid, verdict.Kind);
        Assert.Equal(1, second.Calls);
    }
}
