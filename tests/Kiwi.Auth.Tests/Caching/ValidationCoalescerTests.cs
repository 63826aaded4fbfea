using Kiwi.Auth.Caching;
using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Kiwi.Auth.Tests.Caching;

public sealed class ValidationCoalescerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Two_hundred_concurrent_requests_with_one_new_token_share_one_validation()
    {
        using var harness = new VerdictHarness();
        var token = TestTokens.Create(harness.Time.GetUtcNow().AddMinutes(10));
        var gate = new TaskCompletionSource<TokenVerdict>(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Validator.Setup(v => v.ValidateAsync(token, It.IsAny<CancellationToken>()))
            .Returns(() => new ValueTask<TokenVerdict>(gate.Task));

        var requests = Enumerable.Range(0, 200)
            .Select(_ => Task.Run(() => harness.VerdictAsync(token).AsTask()))
            .ToArray();
        await WaitUntilAsync(() => harness.Calls == 1);
        gate.SetResult(VerdictHarness.ValidVerdict(token));
        var verdicts = await Task.WhenAll(requests).WaitAsync(Patience);

        Assert.All(verdicts, v => Assert.Equal(TokenVerdictKind.Valid, v.Kind));
        Assert.Equal(1, harness.Calls);
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_shared_validation_for_the_others()
    {
        using var harness = new VerdictHarness();
        var token = TestTokens.Create(harness.Time.GetUtcNow().AddMinutes(10));
        var gate = new TaskCompletionSource<TokenVerdict>(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationToken seen = default;
        harness.Validator.Setup(v => v.ValidateAsync(token, It.IsAny<CancellationToken>()))
            .Returns((KiwiToken _, CancellationToken cancellationToken) =>
            {
                seen = cancellationToken;
                return new ValueTask<TokenVerdict>(gate.Task);
            });

        using var disconnected = new CancellationTokenSource();
        var quitter = harness.VerdictAsync(token, disconnected.Token).AsTask();
        await WaitUntilAsync(() => harness.Calls == 1);
        var stayer = harness.VerdictAsync(token).AsTask();
        await disconnected.CancelAsync();
        var quitterVerdict = await quitter.WaitAsync(Patience);
        gate.SetResult(VerdictHarness.ValidVerdict(token));
        var stayerVerdict = await stayer.WaitAsync(Patience);

        Assert.Equal(TokenVerdictKind.Unavailable, quitterVerdict.Kind);
        Assert.Equal(TokenVerdictKind.Valid, stayerVerdict.Kind);
        Assert.False(seen.CanBeCanceled);
        Assert.Equal(1, harness.Calls);
        Assert.Equal(TokenVerdictKind.Valid, (await harness.VerdictAsync(token)).Kind);
        Assert.Equal(1, harness.Calls);
    }

    [Fact]
    public async Task Past_the_in_flight_limit_a_new_token_gets_unavailable_without_a_call_and_one_warning()
    {
        var gate = new TaskCompletionSource<TokenVerdict>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var harness = new VerdictHarness(
            coalescer: provider => new ValidationCoalescer(
                provider.GetRequiredService<ILogger<ValidationCoalescer>>()) { Limit = 2 });
        harness.Validator.Setup(v => v.ValidateAsync(It.IsAny<KiwiToken>(), It.IsAny<CancellationToken>()))
            .Returns(() => new ValueTask<TokenVerdict>(gate.Task));
        var tokens = Enumerable.Range(0, 4).Select(_ => TestTokens.Create(harness.Time.GetUtcNow().AddMinutes(10)))
            .ToList();

        var first = harness.VerdictAsync(tokens[0]).AsTask();
        var second = harness.VerdictAsync(tokens[1]).AsTask();
        await WaitUntilAsync(() => harness.Calls == 2);
        var third = await harness.VerdictAsync(tokens[2]).AsTask().WaitAsync(Patience);
        var fourth = await harness.VerdictAsync(tokens[3]).AsTask().WaitAsync(Patience);
        gate.SetResult(TokenVerdict.Invalid(TokenFailureReasons.RejectedByKiwiUser));
        await Task.WhenAll(first, second).WaitAsync(Patience);

        Assert.Equal(TokenVerdictKind.Unavailable, third.Kind);
        Assert.Equal(TokenVerdictKind.Unavailable, fourth.Kind);
        Assert.Equal(2, harness.Calls);
        Assert.Single(harness.Logs.Entries, e => e.Id.Name == "TooManyValidations");
    }

    [Fact]
    public async Task Requests_after_a_finished_validation_start_a_new_one_when_nothing_was_cached()
    {
        var coalescer = new ValidationCoalescer(NullLogger<ValidationCoalescer>.Instance);
        var calls = 0;

        for (var i = 0; i < 3; i++)
        {
            await coalescer.RunAsync("k", "short", () =>
            {
                Interlocked.Increment(ref calls);
                return Task.FromResult(TokenVerdict.Unavailable(TokenFailureReasons.KiwiUserUnavailable));
            }, CancellationToken.None);
        }

        Assert.Equal(3, calls);
        Assert.Equal(0, coalescer.InFlight);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
