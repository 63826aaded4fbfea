using Kiwi.Auth.Validation;

namespace Kiwi.Auth.Tests.Caching;

/// <summary>The handler looks the verdict up in memory before it decodes the token's JSON.</summary>
public sealed class CacheBeforeParseTests
{
    [Fact]
    public async Task A_cached_verdict_is_found_by_the_raw_token_before_parsing()
    {
        using var harness = new VerdictHarness();
        var token = TestTokens.Create(harness.Time.GetUtcNow().AddMinutes(10));
        var first = await harness.VerdictAsync(token);

        var hit = harness.Service.GetCachedBeforeParse(token.Raw, VerdictHarness.Scheme, out var hash);

        Assert.NotNull(hit);
        Assert.Equal(TokenVerdictKind.Valid, hit.Kind);
        Assert.Equal(first.User, hit.User);
        Assert.Equal(token.Hash, hash);
        Assert.Equal(1, harness.Calls);
    }

    [Fact]
    public void An_unknown_token_is_a_miss_before_parsing()
    {
        using var harness = new VerdictHarness();
        var token = TestTokens.Create(harness.Time.GetUtcNow().AddMinutes(10));

        var hit = harness.Service.GetCachedBeforeParse(token.Raw, VerdictHarness.Scheme, out var hash);

        Assert.Null(hit);
        Assert.Equal(token.Hash, hash);
        Assert.Equal(0, harness.Calls);
    }

    [Fact]
    public async Task A_cached_valid_verdict_is_not_served_before_parsing_after_the_token_expires()
    {
        using var harness = new VerdictHarness(o => o.CacheDuration = TimeSpan.FromMinutes(5));
        var token = TestTokens.Create(harness.Time.GetUtcNow().AddSeconds(20));
        await harness.VerdictAsync(token);

        harness.Time.Advance(TimeSpan.FromSeconds(21));

        Assert.Null(harness.Service.GetCachedBeforeParse(token.Raw, VerdictHarness.Scheme, out _));
    }

    [Fact]
    public async Task A_cached_valid_verdict_is_refused_before_parsing_once_its_application_is_no_longer_accepted()
    {
        KiwiAuthOptions? options = null;
        using var harness = new VerdictHarness(o => options = o);
        var token = TestTokens.Create(harness.Time.GetUtcNow().AddMinutes(10));
        await harness.VerdictAsync(token);

        options!.Applications.Add("another-app");
        var hit = harness.Service.GetCachedBeforeParse(token.Raw, VerdictHarness.Scheme, out _);
        var full = await harness.VerdictAsync(token);

        Assert.Null(hit);
        Assert.Equal(TokenVerdictKind.Invalid, full.Kind);
        Assert.Equal(TokenFailureReasons.ApplicationNotAccepted, full.Reason);
    }

    [Fact]
    public async Task With_the_cache_off_nothing_is_looked_up_or_hashed_before_parsing()
    {
        using var harness = new VerdictHarness(o => o.CacheDuration = TimeSpan.Zero);
        var token = TestTokens.Create(harness.Time.GetUtcNow().AddMinutes(10));
        await harness.VerdictAsync(token);

        var hit = harness.Service.GetCachedBeforeParse(token.Raw, VerdictHarness.Scheme, out var hash);

        Assert.Null(hit);
        Assert.Null(hash);
    }
}
