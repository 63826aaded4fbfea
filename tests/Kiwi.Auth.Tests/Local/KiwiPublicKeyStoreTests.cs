using System.Net;
using Kiwi.Auth.Tests.Fixtures;
using Kiwi.Auth.Validation;
using Microsoft.Extensions.Logging;

namespace Kiwi.Auth.Tests.Local;

public sealed class KiwiPublicKeyStoreTests
{
    private static readonly string RotatedPem = TestTokens.ForgerKey.ExportSubjectPublicKeyInfoPem();

    [Fact]
    public async Task Says_unavailable_not_invalid_while_no_key_is_known()
    {
        using var harness = new LocalHarness();

        var verdict = await harness.VerdictAsync(FixtureTokens.Named("valid-full").Token);

        Assert.Equal(TokenVerdictKind.Unavailable, verdict.Kind);
        Assert.Equal(TokenFailureReasons.NoPublicKey, verdict.Reason);
        Assert.Equal(0, harness.Endpoint.Requests);
    }

    [Fact]
    public async Task Still_rejects_a_token_the_shared_rules_reject_while_no_key_is_known()
    {
        using var harness = new LocalHarness();

        var verdict = await harness.VerdictAsync(FixtureTokens.Named("expired").Token);

        Assert.Equal(TokenFailureReasons.Expired, verdict.Reason);
    }

    [Fact]
    public async Task Validates_with_the_fetched_key()
    {
        using var harness = new LocalHarness();

        Assert.True(await harness.Store.RefreshAsync(CancellationToken.None));
        var verdict = await harness.VerdictAsync(FixtureTokens.Named("valid-full").Token);

        Assert.Equal(TokenVerdictKind.Valid, verdict.Kind);
        Assert.Equal(1, harness.Endpoint.Requests);
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Id.Name == "PublicKeyLoaded");
    }

    [Fact]
    public async Task Picks_up_a_rotated_key_with_exactly_one_extra_fetch()
    {
        using var harness = await LocalHarness.WithKeyAsync();
        harness.Endpoint.Pem = RotatedPem;
        var newKeyToken = TestTokens.Kiwi(key: TestTokens.ForgerKey);

        var first = await harness.VerdictAsync(newKeyToken);
        var second = await harness.VerdictAsync(newKeyToken);
        var oldKeyToken = await harness.VerdictAsync(FixtureTokens.Named("valid-full").Token);

        Assert.Equal(TokenVerdictKind.Valid, first.Kind);
        Assert.Equal(TokenVerdictKind.Valid, second.Kind);
        Assert.Equal(TokenFailureReasons.BadSignature, oldKeyToken.Reason);
        Assert.Equal(2, harness.Endpoint.Requests);
    }

    [Fact]
    public async Task A_flood_of_forged_tokens_costs_at_most_one_fetch_per_interval()
    {
        using var harness = await LocalHarness.WithKeyAsync();
        var forged = Enumerable.Range(0, 200)
            .Select(i => TestTokens.Kiwi(TestTokens.Payload(sub: $"9{i}"), TestTokens.ForgerKey))
            .ToList();

        var verdicts = new List<TokenVerdict>();
        foreach (var token in forged.Take(100))
        {
            verdicts.Add(await harness.VerdictAsync(token));
        }

        verdicts.AddRange(await Task.WhenAll(forged.Skip(100).Select(t => Task.Run(() => harness.VerdictAsync(t)))));

        Assert.Equal(200, verdicts.Count);
        Assert.All(verdicts, v => Assert.Equal(TokenFailureReasons.BadSignature, v.Reason));
        Assert.Equal(2, harness.Endpoint.Requests);
    }

    [Fact]
    public async Task Fetches_again_after_a_signature_failure_once_the_refetch_interval_has_passed()
    {
        using var harness = await LocalHarness.WithKeyAsync(o => o.KeyRefetchInterval = TimeSpan.FromMinutes(5));
        var forged = TestTokens.Kiwi(key: TestTokens.ForgerKey);

        await harness.VerdictAsync(forged);
        harness.Time.Advance(TimeSpan.FromMinutes(4));
        await harness.VerdictAsync(forged);
        var withinInterval = harness.Endpoint.Requests;
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.VerdictAsync(forged);

        Assert.Equal(2, withinInterval);
        Assert.Equal(3, harness.Endpoint.Requests);
    }

    [Fact]
    public async Task Concurrent_signature_failures_share_one_fetch()
    {
        using var harness = await LocalHarness.WithKeyAsync();
        harness.Endpoint.Pem = RotatedPem;
        harness.Endpoint.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var token = TestTokens.Kiwi(key: TestTokens.ForgerKey);

        var pending = Enumerable.Range(0, 20).Select(_ => Task.Run(() => harness.VerdictAsync(token))).ToList();
        Assert.True(await Eventually.TrueAsync(() => harness.Endpoint.Requests == 2));
        harness.Endpoint.Gate.SetResult();
        var verdicts = await Task.WhenAll(pending);

        Assert.All(verdicts, v => Assert.Equal(TokenVerdictKind.Valid, v.Kind));
        Assert.Equal(2, harness.Endpoint.Requests);
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_shared_fetch()
    {
        using var harness = await LocalHarness.WithKeyAsync();
        harness.Endpoint.Pem = RotatedPem;
        harness.Endpoint.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var token = TestTokens.Kiwi(key: TestTokens.ForgerKey);
        using var abort = new CancellationTokenSource();

        var impatient = harness.VerdictAsync(token, abort.Token);
        var patient = harness.VerdictAsync(token);
        Assert.True(await Eventually.TrueAsync(() => harness.Endpoint.Requests == 2));
        await abort.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        harness.Endpoint.Gate.SetResult();

        Assert.Equal(TokenVerdictKind.Valid, (await patient).Kind);
        Assert.Equal(2, harness.Endpoint.Requests);
    }

    [Fact]
    public async Task Keeps_the_previous_key_and_logs_an_error_naming_the_format_when_the_new_one_is_unreadable()
    {
        using var harness = await LocalHarness.WithKeyAsync();
        harness.Endpoint.Pem = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";

        var fetched = await harness.Store.RefreshAsync(CancellationToken.None);
        var verdict = await harness.VerdictAsync(FixtureTokens.Named("valid-full").Token);

        Assert.False(fetched);
        Assert.Equal(TokenVerdictKind.Valid, verdict.Kind);
        var error = Assert.Single(harness.Logs.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Equal("PublicKeyUnreadable", error.Id.Name);
        Assert.Contains("'PUBLIC KEY' (PKIX) or 'RSA PUBLIC KEY' (PKCS#1)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the PEM block is 'CERTIFICATE'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keeps_the_previous_key_when_kiwi_user_fails_to_answer()
    {
        using var harness = await LocalHarness.WithKeyAsync();
        harness.Endpoint.FailWith = HttpStatusCode.InternalServerError;

        var fetched = await harness.Store.RefreshAsync(CancellationToken.None);
        var verdict = await harness.VerdictAsync(FixtureTokens.Named("valid-full").Token);

        Assert.False(fetched);
        Assert.Equal(TokenVerdictKind.Valid, verdict.Kind);
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Id.Name == "PublicKeyFetchFailed");
    }

    [Fact]
    public async Task Stays_unavailable_while_kiwi_user_cannot_give_a_key()
    {
        using var harness = new LocalHarness();
        harness.Endpoint.FailWith = HttpStatusCode.ServiceUnavailable;

        var fetched = await harness.Store.RefreshAsync(CancellationToken.None);
        var verdict = await harness.VerdictAsync(FixtureTokens.Named("valid-full").Token);

        Assert.False(fetched);
        Assert.Equal(TokenVerdictKind.Unavailable, verdict.Kind);
    }

    [Fact]
    public async Task A_fetched_key_identical_to_the_current_one_does_not_retry_the_token()
    {
        using var harness = await LocalHarness.WithKeyAsync();
        harness.Endpoint.Pem = FixtureTokens.PublicKeyPem.ReplaceLineEndings("\r\n");
        var before = harness.Store.Current;

        var verdict = await harness.VerdictAsync(FixtureTokens.Named("wrong-key").Token);

        Assert.Equal(TokenFailureReasons.BadSignature, verdict.Reason);
        Assert.Same(before, harness.Store.Current);
        Assert.Equal(2, harness.Endpoint.Requests);
    }

    [Fact]
    public async Task Uses_a_configured_pem_and_never_calls_kiwi_user()
    {
        var crlf = FixtureTokens.PublicKeyPem.ReplaceLineEndings("\r\n");
        using var harness = new LocalHarness(o => o.PublicKeyPem = crlf);

        var valid = await harness.VerdictAsync(FixtureTokens.Named("valid-full").Token);
        var forged = await harness.VerdictAsync(FixtureTokens.Named("wrong-key").Token);
        var refreshed = await harness.Store.RefreshAsync(CancellationToken.None);

        Assert.Equal(TokenVerdictKind.Valid, valid.Kind);
        Assert.Equal(TokenFailureReasons.BadSignature, forged.Reason);
        Assert.True(refreshed);
        Assert.False(harness.Store.FetchesFromKiwiUser);
        Assert.Equal(0, harness.Endpoint.Requests);
    }

    [Fact]
    public async Task Accepts_a_configured_PKCS1_pem()
    {
        var pkcs1 = TestTokens.FixturePrivateKey.ExportRSAPublicKeyPem();
        using var harness = new LocalHarness(o => o.PublicKeyPem = pkcs1);

        var verdict = await harness.VerdictAsync(FixtureTokens.Named("valid-full").Token);

        Assert.Equal(TokenVerdictKind.Valid, verdict.Kind);
    }

    [Fact]
    public async Task Logs_an_unreadable_configured_pem_and_stays_unavailable()
    {
        const string notAKey = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----";
        using var harness = new LocalHarness(o => o.PublicKeyPem = notAKey);

        var verdict = await harness.VerdictAsync(FixtureTokens.Named("valid-full").Token);

        Assert.Equal(TokenVerdictKind.Unavailable, verdict.Kind);
        var error = Assert.Single(harness.Logs.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Contains("KiwiAuth:PublicKeyPem", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Endpoint.Requests);
    }
}
