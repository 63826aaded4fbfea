namespace Kiwi.Auth;

/// <summary>
/// The circuit breaker on Kiwi.Auth's calls to kiwi-user. When enough calls fail within
/// <see cref="SamplingDuration"/>, calls stop for <see cref="BreakDuration"/> and every token that needs a call is
/// answered 503 at once, so that a struggling kiwi-user is not flooded and requests do not queue up.
/// Only kiwi-user's faults count (connection errors, timeouts, 408, 429, 5xx); a caller that hangs up does not.
/// </summary>
public sealed class KiwiAuthCircuitBreakerOptions
{
    /// <summary>The share of failed calls, between 0 (exclusive) and 1, that opens the breaker.</summary>
    /// <value>Default: 0.5.</value>
    public double FailureRatio { get; set; } = KiwiAuthConstants.DefaultBreakerFailureRatio;

    /// <summary>The least number of calls within <see cref="SamplingDuration"/> before the ratio is judged; at
    /// least 2.</summary>
    /// <value>Default: 10.</value>
    public int MinimumThroughput { get; set; } = KiwiAuthConstants.DefaultBreakerMinimumThroughput;

    /// <summary>The window over which the failure ratio is measured; at least half a second. Successful calls in
    /// the window dilute the failures, so a long window on a busy API opens the breaker late in an outage.</summary>
    /// <value>Default: 10 seconds.</value>
    public TimeSpan SamplingDuration { get; set; } = KiwiAuthConstants.DefaultBreakerSamplingDuration;

    /// <summary>How long calls stay stopped once the breaker opens; then one trial call decides whether it closes.
    /// At least half a second. Keep it near <see cref="KiwiAuthOptions.RetryAfter"/>, which tells clients when to
    /// come back.</summary>
    /// <value>Default: 5 seconds.</value>
    public TimeSpan BreakDuration { get; set; } = KiwiAuthConstants.DefaultBreakDuration;
}
