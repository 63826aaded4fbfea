using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Kiwi.User.Client.Internal;

/// <summary>Applies the client's options to the standard resilience pipeline.</summary>
internal static class KiwiUserResilience
{
    public static void Apply(HttpStandardResilienceOptions resilience, KiwiUserClientOptions options)
    {
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;

        // The breaker must sample at least two attempts' worth of time, or the pipeline's own validation fails.
        var sampling = options.AttemptTimeout * 2;
        resilience.CircuitBreaker.SamplingDuration = sampling > KiwiUserClientConstants.MinimumBreakerSampling
            ? sampling
            : KiwiUserClientConstants.MinimumBreakerSampling;

        ApplyRetry(resilience.Retry, options);
    }

    private static void ApplyRetry(HttpRetryStrategyOptions retry, KiwiUserClientOptions options)
    {
        retry.MaxRetryAttempts = Math.Max(options.Retries, 1);
        retry.Delay = options.RetryDelay;
        retry.BackoffType = DelayBackoffType.Exponential;
        retry.UseJitter = true;

        var transient = retry.ShouldHandle;
        var enabled = options.Retries > 0;
        retry.ShouldHandle = arguments =>
            enabled && KiwiRequestPolicy.IsRetryable(arguments.Context.GetRequestMessage())
                ? transient(arguments)
                : PredicateResult.False();
    }
}
