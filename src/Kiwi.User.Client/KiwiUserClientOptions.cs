using Kiwi.User.Client.Internal;

namespace Kiwi.User.Client;

/// <summary>Where kiwi-user is and how to call it; bound from the <c>KiwiUser</c> configuration section.</summary>
public sealed class KiwiUserClientOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string SectionName = "KiwiUser";

    /// <summary>kiwi-user's base URL, such as <c>https://user.example.com/</c>. Required.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How long one attempt may take before it is abandoned (and retried when the call is safe to
    /// repeat).</summary>
    /// <value>Two seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = KiwiUserClientConstants.DefaultAttemptTimeout;

    /// <summary>How long a call may take in all, retries and their delays included; at least
    /// <see cref="AttemptTimeout"/>.</summary>
    /// <value>Five seconds.</value>
    public TimeSpan TotalTimeout { get; set; } = KiwiUserClientConstants.DefaultTotalTimeout;

    /// <summary>
    /// How many times a call that is safe to repeat is retried after a transient fault (a network error, a timeout,
    /// 408, 429 or 5xx), with jittered exponential delays. Logins, code requests, logout and profile changes are
    /// never retried. Zero turns retries off.
    /// </summary>
    /// <value>Two.</value>
    public int Retries { get; set; } = KiwiUserClientConstants.DefaultRetries;

    /// <summary>The base delay before the first retry; it doubles for each further one, with jitter.</summary>
    /// <value>200 milliseconds.</value>
    public TimeSpan RetryDelay { get; set; } = KiwiUserClientConstants.DefaultRetryDelay;
}
