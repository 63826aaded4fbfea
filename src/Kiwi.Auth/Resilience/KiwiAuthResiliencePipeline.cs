using System.Net;
using Kiwi.Auth.Health;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace Kiwi.Auth.Resilience;

/// <summary>
/// The resilience pipeline on Kiwi.Auth's calls to kiwi-user, from the outside in: a total timeout, jittered
/// retries, a circuit breaker and a per-attempt timeout. Each attempt counts toward the breaker, so a down
/// kiwi-user opens it quickly; while it is open the retry does not retry and a call fails at once.
/// </summary>
internal static class KiwiAuthResiliencePipeline
{
    public const string PipelineName = "kiwi-user";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, KiwiAuthOptions options,
        ILogger logger, KiwiUserCircuitState? circuit = null)
    {
        pipeline.AddTimeout(options.TotalTimeout);

        if (options.Retries > 0)
        {
            pipeline.AddRetry(CreateRetry(options, logger));
        }

        pipeline.AddCircuitBreaker(CreateCircuitBreaker(options.CircuitBreaker, logger, circuit));
        pipeline.AddTimeout(options.Timeout);
    }

    /// <summary>Transient: a connection error, an attempt that timed out, 408, 429 or 5xx. A verdict (200) or a
    /// refusal of our request (other 4xx) is not retried: asking again would get the same answer.</summary>
    /// <remarks>An <see cref="OperationCanceledException"/> is not transient: calls run without the caller's token,
    /// so a cancellation comes only from the total timeout, after which nothing is retried.</remarks>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        HttpClientResiliencePredicates.IsTransient(outcome);

    /// <summary>What went wrong, in a few words for a log line: an exception's type or an HTTP status.</summary>
    public static string Describe(Outcome<HttpResponseMessage> outcome) => outcome.Exception is { } exception
        ? exception.GetType().Name
        : $"HTTP {(int)(outcome.Result?.StatusCode ?? HttpStatusCode.OK)}";

    private static HttpRetryStrategyOptions CreateRetry(KiwiAuthOptions options, ILogger logger) => new()
    {
        MaxRetryAttempts = options.Retries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryDelay,
        ShouldRetryAfterHeader = false,
        ShouldHandle = static args => ValueTask.FromResult(IsTransient(args.Outcome)),
        OnRetry = args =>
        {
            logger.VerifyRetrying(args.AttemptNumber + 1, Describe(args.Outcome));
            return ValueTask.CompletedTask;
        },
    };

    private static HttpCircuitBreakerStrategyOptions CreateCircuitBreaker(
        KiwiAuthCircuitBreakerOptions options, ILogger logger, KiwiUserCircuitState? circuit) => new()
    {
        FailureRatio = options.FailureRatio,
        MinimumThroughput = options.MinimumThroughput,
        SamplingDuration = options.SamplingDuration,
        BreakDuration = options.BreakDuration,
        ShouldHandle = static args => ValueTask.FromResult(IsTransient(args.Outcome)),
        OnOpened = args =>
        {
            logger.CircuitOpened(args.BreakDuration, Describe(args.Outcome));
            circuit?.Opened(args.BreakDuration);
            return ValueTask.CompletedTask;
        },
        OnHalfOpened = _ =>
        {
            logger.CircuitHalfOpened();
            circuit?.HalfOpened();
            return ValueTask.CompletedTask;
        },
        OnClosed = _ =>
        {
            logger.CircuitClosed();
            circuit?.Closed();
            return ValueTask.CompletedTask;
        },
    };
}
