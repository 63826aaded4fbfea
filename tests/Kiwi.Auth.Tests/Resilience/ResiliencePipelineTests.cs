using Kiwi.Auth.Tests.Infrastructure;
using Kiwi.Auth.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kiwi.Auth.Tests.Resilience;

public sealed class ResiliencePipelineTests
{
    [Fact]
    public async Task Retries_a_500_and_takes_the_verdict_of_the_next_attempt()
    {
        await using var harness = new ValidatorHarness(o => o.Retries = 2);
        harness.KiwiUser.Respond = (_, _) => Task.FromResult(
            harness.KiwiUser.Calls == 1 ? FakeKiwiUser.Status(500) : FakeKiwiUser.Verdict(TestTokens.UserId));

        var verdict = await harness.ValidateAsync();

        Assert.Equal(TokenVerdictKind.Valid, verdict.Kind);
        Assert.Equal(2, harness.KiwiUser.Calls);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(408)]
    [InlineData(429)]
    public async Task Gives_up_after_the_configured_retries_on_a_transient_status(int status)
    {
        await using var harness = new ValidatorHarness(o => o.Retries = 2);
        harness.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Status(status));

        var verdict = await harness.ValidateAsync();

        Assert.Equal(TokenVerdictKind.Unavailable, verdict.Kind);
        Assert.Equal(3, harness.KiwiUser.Calls);
    }

    [Fact]
    public async Task Retries_connection_errors()
    {
        await using var harness = new ValidatorHarness(o => o.Retries = 3);
        harness.KiwiUser.Respond =
            (_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("refused"));

        var verdict = await harness.ValidateAsync();

        Assert.Equal(TokenVerdictKind.Unavailable, verdict.Kind);
        Assert.Equal(TokenFailureReasons.KiwiUserUnavailable, verdict.Reason);
        Assert.Equal(4, harness.KiwiUser.Calls);
    }

    [Fact]
    public async Task Never_retries_a_rejection()
    {
        await using var harness = new ValidatorHarness(o => o.Retries = 2);
        harness.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Rejected());

        var verdict = await harness.ValidateAsync();

        Assert.Equal(TokenVerdictKind.Invalid, verdict.Kind);
        Assert.Equal(1, harness.KiwiUser.Calls);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    public async Task Does_not_retry_a_client_error_but_gives_no_verdict(int status)
    {
        await using var harness = new ValidatorHarness(o => o.Retries = 2);
        harness.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Status(status));

        var verdict = await harness.ValidateAsync();

        Assert.Equal(TokenVerdictKind.Unavailable, verdict.Kind);
        Assert.Equal(1, harness.KiwiUser.Calls);
    }

    [Fact]
    public async Task Retries_an_attempt_that_times_out()
    {
        await using var harness = new ValidatorHarness(o =>
        {
            o.Retries = 1;

            // Long enough that the second attempt, answered at once in-process, never times out on a busy machine.
            o.Timeout = TimeSpan.FromMilliseconds(500);
        });
        harness.KiwiUser.Respond = async (_, cancellationToken) =>
        {
            if (harness.KiwiUser.Calls == 1)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return FakeKiwiUser.Verdict(TestTokens.UserId);
        };

        var verdict = await harness.ValidateAsync();

        Assert.Equal(TokenVerdictKind.Valid, verdict.Kind);
        Assert.Equal(2, harness.KiwiUser.Calls);
    }

    [Fact]
    public async Task The_total_timeout_ends_the_call_however_many_retries_are_left()
    {
        await using var harness = new ValidatorHarness(o =>
        {
            o.Retries = 10;
            o.Timeout = TimeSpan.FromMilliseconds(150);
            o.TotalTimeout = TimeSpan.FromMilliseconds(250);
        });
        harness.KiwiUser.Respond = async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return FakeKiwiUser.Verdict(TestTokens.UserId);
        };

        var verdict = await harness.ValidateAsync();

        Assert.Equal(TokenVerdictKind.Unavailable, verdict.Kind);
        Assert.InRange(harness.KiwiUser.Calls, 1, 2);
    }

    [Fact]
    public async Task Opens_the_breaker_after_repeated_failures_and_fails_fast_while_open()
    {
        var time = new FakeTimeProvider();
        await using var harness = new ValidatorHarness(Breaker, time);
        harness.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Status(500));

        await harness.ValidateAsync();
        await harness.ValidateAsync();
        var rejected = await harness.ValidateAsync();
        var rejectedAgain = await harness.ValidateAsync();

        Assert.Equal(TokenFailureReasons.KiwiUserPaused, rejected.Reason);
        Assert.Equal(TokenFailureReasons.KiwiUserPaused, rejectedAgain.Reason);
        Assert.Equal(2, harness.KiwiUser.Calls);
        Assert.Equal(1, harness.LogCount("KiwiUserCircuitOpened"));
    }

    [Fact]
    public async Task Closes_the_breaker_when_a_trial_call_succeeds_after_the_break()
    {
        var time = new FakeTimeProvider();
        await using var harness = new ValidatorHarness(Breaker, time);
        harness.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Status(500));
        await harness.ValidateAsync();
        await harness.ValidateAsync();

        time.Advance(TimeSpan.FromSeconds(11));
        harness.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Verdict(TestTokens.UserId));
        var trial = await harness.ValidateAsync();
        var next = await harness.ValidateAsync();

        Assert.Equal(TokenVerdictKind.Valid, trial.Kind);
        Assert.Equal(TokenVerdictKind.Valid, next.Kind);
        Assert.Equal(4, harness.KiwiUser.Calls);
        Assert.Equal(1, harness.LogCount("KiwiUserCircuitOpened"));
        Assert.Equal(1, harness.LogCount("KiwiUserCircuitClosed"));
    }

    [Fact]
    public async Task Rejections_do_not_open_the_breaker()
    {
        var time = new FakeTimeProvider();
        await using var harness = new ValidatorHarness(Breaker, time);
        harness.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Rejected());

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(TokenVerdictKind.Invalid, (await harness.ValidateAsync()).Kind);
        }

        Assert.Equal(5, harness.KiwiUser.Calls);
        Assert.Equal(0, harness.LogCount("KiwiUserCircuitOpened"));
    }

    [Fact]
    public async Task A_caller_that_hangs_up_does_not_cancel_the_call_or_count_toward_the_breaker()
    {
        await using var harness = new ValidatorHarness(Breaker);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelledBelow = 0;
        harness.KiwiUser.Respond = async (_, cancellationToken) =>
        {
            await release.Task;
            if (cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref cancelledBelow);
            }

            return FakeKiwiUser.Verdict(TestTokens.UserId);
        };

        for (var i = 0; i < 3; i++)
        {
            using var caller = new CancellationTokenSource();
            var pending = harness.ValidateAsync(cancellationToken: caller.Token).AsTask();
            await caller.CancelAsync();
            Assert.Equal(TokenFailureReasons.RequestAborted, (await pending).Reason);
        }

        release.SetResult();
        var after = await harness.ValidateAsync();

        Assert.Equal(TokenVerdictKind.Valid, after.Kind);
        Assert.Equal(4, harness.KiwiUser.Calls);
        Assert.Equal(0, cancelledBelow);
        Assert.Equal(0, harness.LogCount("KiwiUserCircuitOpened"));
    }

    [Fact]
    public async Task Maps_an_open_breaker_to_unavailable_not_invalid()
    {
        var time = new FakeTimeProvider();
        await using var harness = new ValidatorHarness(Breaker, time);
        harness.KiwiUser.Respond = (_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("down"));
        await harness.ValidateAsync();
        await harness.ValidateAsync();

        var verdict = await harness.ValidateAsync();

        Assert.Equal(TokenVerdictKind.Unavailable, verdict.Kind);
        Assert.Null(verdict.User);
    }

    [Fact]
    public async Task An_application_wide_standard_handler_registered_first_is_not_stacked_on_ours()
    {
        await using var harness = new ValidatorHarness(
            o => o.Retries = 1, before: s => s.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler()));
        harness.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Status(500));

        var verdict = await harness.ValidateAsync();

        Assert.Equal(TokenVerdictKind.Unavailable, verdict.Kind);
        Assert.Equal(2, harness.KiwiUser.Calls);
    }

    [Fact]
    public async Task An_application_wide_standard_handler_registered_later_is_not_stacked_on_ours()
    {
        await using var harness = new ValidatorHarness(
            o => o.Retries = 1, after: s => s.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler()));
        harness.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Status(500));

        var verdict = await harness.ValidateAsync();

        Assert.Equal(TokenVerdictKind.Unavailable, verdict.Kind);
        Assert.Equal(2, harness.KiwiUser.Calls);
    }

    [Fact]
    public async Task A_second_kiwi_scheme_does_not_add_a_second_pipeline()
    {
        await using var harness = new ValidatorHarness(
            o => o.Retries = 1,
            after: s => s.AddAuthentication().AddKiwiAuth("Second", o => o.Retries = 1));
        harness.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Status(500));

        var verdict = await harness.ValidateAsync();

        Assert.Equal(TokenVerdictKind.Unavailable, verdict.Kind);
        Assert.Equal(2, harness.KiwiUser.Calls);
    }

    [Fact]
    public async Task Turns_retries_off_when_retries_is_zero()
    {
        await using var harness = new ValidatorHarness(o => o.Retries = 0);
        harness.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Status(502));

        var verdict = await harness.ValidateAsync();

        Assert.Equal(TokenVerdictKind.Unavailable, verdict.Kind);
        Assert.Equal(1, harness.KiwiUser.Calls);
    }

    [Fact]
    public async Task An_outage_logs_one_warning_when_it_starts_and_one_line_when_it_ends()
    {
        await using var harness = new ValidatorHarness(o =>
        {
            o.Retries = 2;
            o.CircuitBreaker.MinimumThroughput = 1000;
        });
        harness.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Status(500));
        for (var i = 0; i < 5; i++)
        {
            await harness.ValidateAsync();
        }

        harness.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Verdict(TestTokens.UserId));
        await harness.ValidateAsync();
        await harness.ValidateAsync();

        var records = harness.Logs.GetSnapshot();
        Assert.Equal(1, harness.LogCount("KiwiUserFailing"));
        Assert.Equal(1, harness.LogCount("KiwiUserRecovered"));
        Assert.Single(records, r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Contains(records, r => r.Category == "Polly");
        Assert.DoesNotContain(
            records, r => r.Category == "Polly" && r.Level > Microsoft.Extensions.Logging.LogLevel.Debug);
    }

    private static void Breaker(KiwiAuthOptions options)
    {
        options.Retries = 0;
        options.CircuitBreaker.MinimumThroughput = 2;
        options.CircuitBreaker.FailureRatio = 0.5;
        options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(10);
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
    }
}
