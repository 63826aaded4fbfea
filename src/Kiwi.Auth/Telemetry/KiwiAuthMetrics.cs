using System.Diagnostics;
using System.Diagnostics.Metrics;
using Kiwi.Auth.Validation;

namespace Kiwi.Auth.Telemetry;

/// <summary>
/// Kiwi.Auth's instruments on the <c>Kiwi.Auth</c> meter, created through the application's
/// <see cref="IMeterFactory"/> so that each service provider (and each test) has its own. No tag ever holds a token,
/// part of one or a claim value: only the fixed codes listed in docs/telemetry.md.
/// </summary>
internal sealed class KiwiAuthMetrics
{
    private readonly Counter<long> _verdicts;
    private readonly Counter<long> _cacheLookups;
    private readonly Histogram<double> _kiwiUserDuration;
    private readonly Counter<long> _publicKeyRefreshes;
    private readonly Counter<long> _circuitStateChanges;

    public KiwiAuthMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);

        var meter = meterFactory.Create(new MeterOptions(KiwiAuthTelemetry.MeterName)
        {
            Version = typeof(KiwiAuthMetrics).Assembly.GetName().Version?.ToString(),
        });
        _verdicts = meter.CreateCounter<long>("kiwi_auth.verdicts", "{verdict}",
            "Verdicts given to requests, by result, reason and source.");
        _cacheLookups = meter.CreateCounter<long>("kiwi_auth.cache.lookups", "{lookup}",
            "Lookups in the verdict cache, by result (hit or miss).");
        _kiwiUserDuration = meter.CreateHistogram("kiwi_auth.kiwi_user.duration", "s",
            "How long calls to kiwi-user took, retries included, by operation and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _publicKeyRefreshes = meter.CreateCounter<long>("kiwi_auth.public_key.refreshes", "{refresh}",
            "Fetches of kiwi-user's public key in local mode, by outcome.");
        _circuitStateChanges = meter.CreateCounter<long>("kiwi_auth.circuit_breaker.state_changes", "{change}",
            "State changes of the circuit breaker on calls to kiwi-user, by the state entered.");
    }

    /// <summary>OpenTelemetry's recommended boundaries for HTTP client durations, in seconds.</summary>
    private static double[] DurationBuckets =>
        [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    /// <summary>Counts the verdict one request got from <paramref name="source"/> (see
    /// <see cref="VerdictSources"/>).</summary>
    public void Verdict(string source, TokenVerdictKind kind, string reason)
    {
        if (!_verdicts.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { "result", VerdictReasonCodes.ResultOf(kind) },
            { "source", source },
        };
        if (kind != TokenVerdictKind.Valid)
        {
            tags.Add("reason", VerdictReasonCodes.Of(reason));
        }

        _verdicts.Add(1, tags);
    }

    /// <inheritdoc cref="Verdict(string, TokenVerdictKind, string)"/>
    public void Verdict(string source, TokenVerdict verdict) => Verdict(source, verdict.Kind, verdict.Reason);

    /// <summary>Counts one lookup in the verdict cache.</summary>
    public void CacheLookup(bool hit)
    {
        if (_cacheLookups.Enabled)
        {
            _cacheLookups.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));
        }
    }

    /// <summary>Records one call to kiwi-user (see <see cref="KiwiUserCallOperations"/> and
    /// <see cref="KiwiUserCallOutcomes"/>).</summary>
    public void KiwiUserCall(string operation, string outcome, TimeSpan duration)
    {
        if (_kiwiUserDuration.Enabled)
        {
            _kiwiUserDuration.Record(duration.TotalSeconds,
                new KeyValuePair<string, object?>("operation", operation),
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    /// <summary>Counts a cache hit and the verdict it served.</summary>
    public void CacheHit(TokenVerdict verdict)
    {
        CacheLookup(hit: true);
        Verdict(VerdictSources.Cache, verdict);
    }

    /// <summary>Counts one fetch of the public key (see <see cref="PublicKeyRefreshOutcomes"/>).</summary>
    public void PublicKeyRefresh(string outcome) =>
        _publicKeyRefreshes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Counts the breaker entering <paramref name="state"/>: <c>open</c>, <c>half_open</c> or
    /// <c>closed</c>.</summary>
    public void CircuitStateChanged(string state) =>
        _circuitStateChanges.Add(1, new KeyValuePair<string, object?>("state", state));
}
