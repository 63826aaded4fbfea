using Microsoft.AspNetCore.Authentication;

namespace Kiwi.Auth;

/// <summary>
/// Options of the <c>Kiwi</c> authentication scheme, bound from the <c>KiwiAuth</c> configuration section.
/// </summary>
public sealed class KiwiAuthOptions : AuthenticationSchemeOptions
{
    /// <summary>Creates the options with their defaults.</summary>
    public KiwiAuthOptions() => Events = new KiwiAuthEvents();

    /// <summary>kiwi-user's base URL, such as <c>https://user.example.com/</c>. Required unless the bypass is on,
    /// or <see cref="Mode"/> is <see cref="KiwiAuthMode.Local"/> with a <see cref="PublicKeyPem"/>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How tokens are validated. Default: <see cref="KiwiAuthMode.Remote"/>.</summary>
    public KiwiAuthMode Mode { get; set; } = KiwiAuthMode.Remote;

    /// <summary>
    /// In <see cref="KiwiAuthMode.Local"/> mode, a fixed PEM public key (<c>PUBLIC KEY</c> or <c>RSA PUBLIC KEY</c>);
    /// when set, the key is never fetched from kiwi-user.
    /// </summary>
    public string? PublicKeyPem { get; set; }

    /// <summary>Applications (the token's <c>iss</c>) whose tokens are accepted. Empty (default): any.</summary>
    public IList<string> Applications { get; set; } = [];

    /// <summary>How long a valid verdict is reused; never past the token's <c>exp</c>. Zero turns caching off.
    /// Default: one minute. A deleted user or a changed profile is seen after at most this long.</summary>
    public TimeSpan CacheDuration { get; set; } = KiwiAuthConstants.DefaultCacheDuration;

    /// <summary>How long an invalid verdict is reused. Default: ten seconds.</summary>
    public TimeSpan NegativeCacheDuration { get; set; } = KiwiAuthConstants.DefaultNegativeCacheDuration;

    /// <summary>How far past <c>exp</c> a token is still accepted, for clocks that disagree. Default: 30 seconds.
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = KiwiAuthConstants.DefaultClockSkew;

    /// <summary>How long one attempt of a call to kiwi-user may take; a slower attempt counts as a transient fault
    /// and is retried. Default: two seconds.</summary>
    public TimeSpan Timeout { get; set; } = KiwiAuthConstants.DefaultAttemptTimeout;

    /// <summary>How long a call to kiwi-user may take with all its retries and their delays; this bounds how long
    /// a request waits before its 503. At least <see cref="Timeout"/>. Default: five seconds.</summary>
    public TimeSpan TotalTimeout { get; set; } = KiwiAuthConstants.DefaultTotalTimeout;

    /// <summary>How many times a call is retried on a transient fault: a connection error, an attempt timeout, 408,
    /// 429 or 5xx. Never on a verdict. Zero turns retries off. Default: two.</summary>
    public int Retries { get; set; } = KiwiAuthConstants.DefaultRetries;

    /// <summary>The base delay before a retry; it doubles with each retry and is jittered so that many instances do
    /// not retry in step. Default: 200 milliseconds.</summary>
    public TimeSpan RetryDelay { get; set; } = KiwiAuthConstants.DefaultRetryDelay;

    /// <summary>The circuit breaker on calls to kiwi-user; see <see cref="KiwiAuthCircuitBreakerOptions"/>.</summary>
    public KiwiAuthCircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>Tokens longer than this many characters are rejected without a call. Default: 8,192.</summary>
    public int MaxTokenLength { get; set; } = KiwiAuthConstants.DefaultMaxTokenLength;

    /// <summary>The <c>Retry-After</c> sent with a 503 when kiwi-user cannot answer. Default: five seconds.</summary>
    public TimeSpan RetryAfter { get; set; } = KiwiAuthConstants.DefaultRetryAfter;

    /// <summary>In local mode, how often the public key is fetched again in the background. Default: one hour.
    /// </summary>
    public TimeSpan KeyRefreshInterval { get; set; } = KiwiAuthConstants.DefaultKeyRefreshInterval;

    /// <summary>In local mode, the least time between two key fetches caused by signature failures (kiwi-user's
    /// tokens carry no key id, so a failure is the only sign of a rotation). Default: five minutes.</summary>
    public TimeSpan KeyRefetchInterval { get; set; } = KiwiAuthConstants.DefaultKeyRefetchInterval;

    /// <summary>Where tokens are read besides the <c>Authorization</c> header; see
    /// <see cref="KiwiTokenSourceOptions"/>. Default: the header only.</summary>
    public KiwiTokenSourceOptions TokenSources { get; set; } = new();

    /// <summary>The body of 401, 403 and 503 answers. Default: <see cref="KiwiErrorFormat.KiwiEnvelope"/>.</summary>
    public KiwiErrorFormat ErrorFormat { get; set; } = KiwiErrorFormat.KiwiEnvelope;

    /// <summary>The scheme's events; see <see cref="KiwiAuthEvents"/>. To build them from DI instead, set
    /// <see cref="AuthenticationSchemeOptions.EventsType"/> to a type derived from <see cref="KiwiAuthEvents"/>.
    /// </summary>
    public new KiwiAuthEvents Events
    {
        get => (KiwiAuthEvents)base.Events!;
        set => base.Events = value;
    }

    /// <summary>The local-development bypass; see <see cref="KiwiLocalBypassOptions"/>.</summary>
    public KiwiLocalBypassOptions LocalBypass { get; set; } = new();

    /// <summary>Names the trust anchor in verdict cache keys (see <c>VerdictCache.KeyFor</c>).</summary>
    internal Caching.AnchorScope CacheScope { get; } = new();
}
