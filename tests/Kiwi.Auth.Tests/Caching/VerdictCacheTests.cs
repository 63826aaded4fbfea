using Kiwi.Auth.Caching;
using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Kiwi.Auth.Tests.Caching;

public sealed class VerdictCacheTests
{
    [Fact]
    public async Task A_token_seen_again_is_answered_from_the_cache_without_a_second_validation()
    {
        using var harness = new VerdictHarness();
        var token = TestTokens.Create(harness.Time.GetUtcNow().AddMinutes(10));

        var first = await harness.VerdictAsync(token);
        var second = await harness.VerdictAsync(token);

        Assert.Equal(TokenVerdictKind.Valid, first.Kind);
        Assert.Equal(TokenVerdictKind.Valid, second.Kind);
        Assert.Equal(first.User, second.User);
        Assert.Equal(1, harness.Calls);
    }

    [Fact]
    public async Task A_valid_verdict_is_reused_for_at_most_the_cache_duration()
    {
        using var harness = new VerdictHarness(o => o.CacheDuration = TimeSpan.FromMinutes(1));
        var token = TestTokens.Create(harness.Time.GetUtcNow().AddMinutes(10));

        await harness.VerdictAsync(token);
        harness.Time.Advance(TimeSpan.FromSeconds(59));
        await harness.VerdictAsync(token);
        Assert.Equal(1, harness.Calls);

        harness.Time.Advance(TimeSpan.FromSeconds(2));
        await harness.VerdictAsync(token);
        Assert.Equal(2, harness.Calls);
    }

    [Fact]
    public async Task A_valid_verdict_is_not_served_one_second_after_the_token_expires()
    {
        using var harness = new VerdictHarness(o => o.CacheDuration = TimeSpan.FromMinutes(5));
        var token = TestTokens.Create(harness.Time.GetUtcNow().AddSeconds(20));
        await harness.VerdictAsync(token);

        // kiwi-user says no once exp has passed; the claim rules still let the token through within the skew.
        harness.Validator.Setup(v => v.ValidateAsync(token, It.IsAny<CancellationToken>()))
            .ReturnsAsync(TokenVerdict.Invalid(TokenFailureReasons.RejectedByKiwiUser));
        harness.Time.Advance(TimeSpan.FromSeconds(21));
        var afterExpiry = await harness.VerdictAsync(token);

        Assert.Equal(TokenVerdictKind.Invalid, afterExpiry.Kind);
        Assert.Equal(2, harness.Calls);
    }

    [Fact]
    public async Task An_invalid_verdict_is_reused_for_the_negative_duration_and_then_expires()
    {
        using var harness = new VerdictHarness(o => o.NegativeCacheDuration = TimeSpan.FromSeconds(10));
        harness.Validator.Setup(v => v.ValidateAsync(It.IsAny<KiwiToken>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(TokenVerdict.Invalid(TokenFailureReasons.RejectedByKiwiUser));
        var token = TestTokens.Create(harness.Time.GetUtcNow().AddMinutes(10));

        var first = await harness.VerdictAsync(token);
        harness.Time.Advance(TimeSpan.FromSeconds(9));
        var cached = await harness.VerdictAsync(token);
        Assert.Equal(1, harness.Calls);

        harness.Time.Advance(TimeSpan.FromSeconds(2));
        await harness.VerdictAsync(token);

        Assert.Equal(TokenVerdictKind.Invalid, first.Kind);
        Assert.Equal(TokenVerdictKind.Invalid, cached.Kind);
        Assert.Equal(TokenFailureReasons.RejectedByKiwiUser, cached.Reason);
        Assert.Equal(2, harness.Calls);
    }

    [Fact]
    public async Task An_unavailable_verdict_is_never_cached()
    {
        using var harness = new VerdictHarness();
        var token = TestTokens.Create(harness.Time.GetUtcNow().AddMinutes(10));
        harness.Validator.SetupSequence(v => v.ValidateAsync(token, It.IsAny<CancellationToken>()))
            .ReturnsAsync(TokenVerdict.Unavailable(TokenFailureReasons.KiwiUserUnavailable))
            .ReturnsAsync(VerdictHarness.ValidVerdict(token));

        var outage = await harness.VerdictAsync(token);
        var recovered = await harness.VerdictAsync(token);

        Assert.Equal(TokenVerdictKind.Unavailable, outage.Kind);
        Assert.Equal(TokenVerdictKind.Valid, recovered.Kind);
        Assert.Equal(2, harness.Calls);
    }

    [Fact]
    public async Task A_validator_that_throws_fails_the_waiting_requests_and_nothing_is_cached()
    {
        using var harness = new VerdictHarness();
        var token = TestTokens.Create(harness.Time.GetUtcNow().AddMinutes(10));
        harness.Validator.SetupSequence(v => v.ValidateAsync(token, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("boom"))
            .ReturnsAsync(VerdictHarness.ValidVerdict(token));

        // The handler turns the exception into a 503; the cache must only not keep anything for it.
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.VerdictAsync(token).AsTask());
        var next = await harness.VerdictAsync(token);

        Assert.Equal(TokenVerdictKind.Valid, next.Kind);
        Assert.Equal(2, harness.Calls);
    }

    [Fact]
    public async Task A_cache_duration_of_zero_turns_caching_off()
    {
        using var harness = new VerdictHarness(o => o.CacheDuration = TimeSpan.Zero);
        var token = TestTokens.Create(harness.Time.GetUtcNow().AddMinutes(10));

        await harness.VerdictAsync(token);
        await harness.VerdictAsync(token);

        Assert.Equal(2, harness.Calls);
    }

    [Fact]
    public async Task A_token_the_claim_rules_reject_reaches_neither_the_validator_nor_the_cache()
    {
        using var harness = new VerdictHarness();
        var expired = TestTokens.Create(harness.Time.GetUtcNow().AddMinutes(-5));

        var verdict = await harness.VerdictAsync(expired);

        Assert.Equal(TokenFailureReasons.Expired, verdict.Reason);
        Assert.Equal(0, harness.Calls);
    }

    [Fact]
    public async Task Distinct_forged_tokens_fill_at_most_the_negative_limit_per_window()
    {
        using var harness = new VerdictHarness(cache: provider => new VerdictCache(
            provider.GetRequiredService<HybridCache>(), provider.GetRequiredService<TimeProvider>(),
            NullLogger<VerdictCache>.Instance) { NegativeEntriesPerWindow = 3 });
        harness.Validator.Setup(v => v.ValidateAsync(It.IsAny<KiwiToken>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(TokenVerdict.Invalid(TokenFailureReasons.RejectedByKiwiUser));
        var forged = Enumerable.Range(0, 5).Select(_ => TestTokens.Create(harness.Time.GetUtcNow().AddMinutes(10)))
            .ToList();

        foreach (var token in forged.Concat(forged))
        {
            Assert.Equal(TokenVerdictKind.Invalid, (await harness.VerdictAsync(token)).Kind);
        }

        // Three were stored; the other two were validated again on their second use.
        Assert.Equal(7, harness.Calls);
    }

    [Fact]
    public void The_key_is_the_full_sha256_of_the_token_under_the_mode()
    {
        var token = TestTokens.Create(DateTimeOffset.UtcNow.AddMinutes(10));

        var key = VerdictCache.KeyFor(new KiwiAuthOptions { Mode = KiwiAuthMode.Remote }, token.Hash);

        Assert.StartsWith("kiwi-auth:verdict:v1:remote:", key, StringComparison.Ordinal);
        Assert.EndsWith(":" + KiwiToken.ComputeHash(token.Raw), key, StringComparison.Ordinal);
        Assert.Equal(64, token.Hash.Length);
        Assert.DoesNotContain(token.Raw.Split('.')[1], key, StringComparison.Ordinal);
        Assert.NotEqual(key, VerdictCache.KeyFor(new KiwiAuthOptions { Mode = KiwiAuthMode.Local }, token.Hash));
    }

    [Fact]
    public void The_key_names_the_trust_anchor_so_instances_trusting_another_never_share_a_verdict()
    {
        var hash = TestTokens.Create(DateTimeOffset.UtcNow.AddMinutes(10)).Hash;

        Assert.NotEqual(
            Key(KiwiAuthMode.Local, "test-key", null, hash), Key(KiwiAuthMode.Local, "real-key", null, hash));
        Assert.NotEqual(
            Key(KiwiAuthMode.Remote, null, "https://user.staging.example/", hash),
            Key(KiwiAuthMode.Remote, null, "https://user.example/", hash));
        Assert.NotEqual(
            Key(KiwiAuthMode.Local, null, "https://user.staging.example/", hash),
            Key(KiwiAuthMode.Local, null, "https://user.example/", hash));
        Assert.Equal(
            Key(KiwiAuthMode.Local, "real-key", "https://a.example/", hash),
            Key(KiwiAuthMode.Local, "real-key", "https://b.example/", hash));
        Assert.Equal(
            Key(KiwiAuthMode.Remote, null, "https://user.example/", hash),
            Key(KiwiAuthMode.Remote, null, "https://user.example/", hash));
    }

    private static string Key(KiwiAuthMode mode, string? publicKeyPem, string? baseUrl, string hash) =>
        VerdictCache.KeyFor(
            new KiwiAuthOptions
            {
                Mode = mode,
                PublicKeyPem = publicKeyPem,
                BaseUrl = baseUrl is null ? null : new Uri(baseUrl),
            },
            hash);
}
