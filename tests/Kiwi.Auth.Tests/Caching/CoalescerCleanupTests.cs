using Kiwi.Auth.Caching;
using Kiwi.Auth.Validation;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiwi.Auth.Tests.Caching;

/// <summary>A validation leaves the coalescer however it ends: thrown, given up on by every caller, or both.
/// </summary>
public sealed class CoalescerCleanupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_validation_that_throws_reaches_every_waiter_and_leaves_no_entry()
    {
        var coalescer = new ValidationCoalescer(NullLogger<ValidationCoalescer>.Instance);
        var gate = new TaskCompletionSource<TokenVerdict>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        Task<TokenVerdict> Work()
        {
            Interlocked.Increment(ref calls);
            return gate.Task;
        }

        var waiters = Enumerable.Range(0, 20)
            .Select(_ => coalescer.RunAsync("k", "short", Work, CancellationToken.None).AsTask()).ToArray();
        gate.SetException(new InvalidOperationException("validator broke"));

        foreach (var waiter in waiters)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => waiter.WaitAsync(Patience));
        }

        Assert.Equal(1, calls);
        Assert.Equal(0, coalescer.InFlight);
        var next = await coalescer.RunAsync("k", "short",
            () => Task.FromResult(TokenVerdict.Invalid(TokenFailureReasons.BadSignature)), CancellationToken.None);
        Assert.Equal(TokenVerdictKind.Invalid, next.Kind);
    }

    [Fact]
    public async Task A_validation_every_caller_gave_up_on_still_leaves_when_it_ends()
    {
        var coalescer = new ValidationCoalescer(NullLogger<ValidationCoalescer>.Instance) { Limit = 1 };
        var gate = new TaskCompletionSource<TokenVerdict>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var gone = new CancellationTokenSource();

        var first = coalescer.RunAsync("k", "short", () => gate.Task, gone.Token).AsTask();
        var second = coalescer.RunAsync("k", "short", () => gate.Task, gone.Token).AsTask();
        await gone.CancelAsync();
        var answers = await Task.WhenAll(first, second).WaitAsync(Patience);
        var whileRunning = await coalescer.RunAsync("other", "short",
            () => Task.FromResult(TokenVerdict.Invalid(TokenFailureReasons.BadSignature)), CancellationToken.None);
        gate.SetException(new TimeoutException("no answer"));
        await WaitUntilAsync(() => coalescer.InFlight == 0);
        var afterwards = await coalescer.RunAsync("other", "short",
            () => Task.FromResult(TokenVerdict.Invalid(TokenFailureReasons.BadSignature)), CancellationToken.None);

        Assert.All(answers, a => Assert.Equal(TokenFailureReasons.RequestAborted, a.Reason));
        Assert.Equal(TokenVerdictKind.Unavailable, whileRunning.Kind);
        Assert.Equal(TokenVerdictKind.Invalid, afterwards.Kind);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!condition())
        {
            await Task.Delay(10, patience.Token);
        }
    }
}
