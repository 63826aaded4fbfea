using System.Collections.Concurrent;
using Kiwi.Auth.Validation;
using Microsoft.Extensions.Logging;

namespace Kiwi.Auth.Caching;

/// <summary>
/// Lets concurrent requests with the same uncached token share one validation. The shared work runs without any
/// caller's cancellation token, and each caller waits with its own, so a client that disconnects never cancels the
/// call the others wait for. At most <see cref="VerdictCacheLimits.InFlightValidations"/> distinct validations run
/// at once.
/// </summary>
internal sealed class ValidationCoalescer(ILogger<ValidationCoalescer> logger)
{
    private readonly ConcurrentDictionary<string, Task<TokenVerdict>> _flights = new(StringComparer.Ordinal);
    private int _count;
    private int _limitReported;

    /// <summary>See <see cref="VerdictCacheLimits.InFlightValidations"/>; settable for tests.</summary>
    internal int Limit { get; init; } = VerdictCacheLimits.InFlightValidations;

    /// <summary>How many distinct validations are running now.</summary>
    internal int InFlight => Volatile.Read(ref _count);

    /// <summary>Joins the running validation of <paramref name="key"/>, or starts <paramref name="work"/> as it.
    /// </summary>
    /// <param name="key">The token's cache key.</param>
    /// <param name="tokenHash">The token's short hash, for logs.</param>
    /// <param name="work">Validates (and stores) without a cancellation token; started at most once at a time.</param>
    /// <param name="cancellationToken">Stops this caller's wait only; the answer is then unavailable.</param>
    public async ValueTask<TokenVerdict> RunAsync(
        string key, string tokenHash, Func<Task<TokenVerdict>> work, CancellationToken cancellationToken)
    {
        if (!_flights.TryGetValue(key, out var flight) && !TryStart(key, tokenHash, work, out flight))
        {
            return TokenVerdict.Unavailable(TokenFailureReasons.KiwiUserUnavailable);
        }

        try
        {
            return await flight.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The request is gone; whatever is answered, nobody reads it. Unavailable is never cached.
            return TokenVerdict.Unavailable(TokenFailureReasons.RequestAborted);
        }
    }

    private bool TryStart(string key, string tokenHash, Func<Task<TokenVerdict>> work, out Task<TokenVerdict> flight)
    {
        if (Interlocked.Increment(ref _count) > Limit)
        {
            Interlocked.Decrement(ref _count);
            if (Interlocked.Exchange(ref _limitReported, 1) == 0)
            {
                // Once per episode, not once per request: a flood of forged tokens must not flood the log too.
                logger.TooManyValidations(Limit, tokenHash);
            }

            flight = Task.FromResult(TokenVerdict.Unavailable(TokenFailureReasons.KiwiUserUnavailable));
            return false;
        }

        var source = new TaskCompletionSource<TokenVerdict>(TaskCreationOptions.RunContinuationsAsynchronously);
        flight = _flights.GetOrAdd(key, source.Task);
        if (flight != source.Task)
        {
            Interlocked.Decrement(ref _count);
            return true;
        }

        _ = RunSharedAsync(key, work, source);
        return true;
    }

    /// <summary>Runs the shared work and hands its outcome to every waiter. An exception is handed on as it is,
    /// so that the handler's own crash handling answers 503 for each request; nothing is cached for it.</summary>
    private async Task RunSharedAsync(
        string key, Func<Task<TokenVerdict>> work, TaskCompletionSource<TokenVerdict> source)
    {
        Task<TokenVerdict> shared;
        try
        {
            shared = work();
            await shared;
        }
        catch (Exception exception)
        {
            Finish(key, source);
            source.SetException(exception);
            return;
        }

        Finish(key, source);
        source.SetResult(shared.Result);
    }

    private void Finish(string key, TaskCompletionSource<TokenVerdict> source)
    {
        _flights.TryRemove(new KeyValuePair<string, Task<TokenVerdict>>(key, source.Task));
        if (Interlocked.Decrement(ref _count) < Limit / 2)
        {
            Volatile.Write(ref _limitReported, 0);
        }
    }
}
