namespace Kiwi.Auth;

/// <summary>
/// The names Kiwi.Auth's telemetry is published under, to subscribe to with OpenTelemetry:
/// <c>AddMeter(KiwiAuthTelemetry.MeterName)</c> and <c>AddSource(KiwiAuthTelemetry.ActivitySourceName)</c>.
/// The instruments and tags are described in docs/telemetry.md.
/// </summary>
public static class KiwiAuthTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>: <c>Kiwi.Auth</c>.</summary>
    public const string MeterName = "Kiwi.Auth";

    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/>: <c>Kiwi.Auth</c>.</summary>
    public const string ActivitySourceName = "Kiwi.Auth";
}
