using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Kiwi.Auth.Samples.MinimalApi;

/// <summary>
/// The sample's telemetry: <c>GET /health</c> with the kiwi-user check, and OpenTelemetry for Kiwi.Auth's meter and
/// activity source, ASP.NET Core and outgoing HTTP calls. OpenTelemetry is off unless
/// <c>OpenTelemetry:Exporter</c> is <c>console</c> or <c>otlp</c> (the OTLP endpoint then comes from
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, by default http://localhost:4317).
/// </summary>
public static class SampleTelemetry
{
    public const string ExporterKey = "OpenTelemetry:Exporter";

    public const string HealthSection = "Health:KiwiUser";

    public static void AddSampleTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var health = builder.Configuration.GetSection(HealthSection);
        builder.Services.AddHealthChecks().AddKiwiUserHealthCheck(options => health.Bind(options));

        var exporter = builder.Configuration[ExporterKey];
        if (string.IsNullOrEmpty(exporter) || exporter == "none")
        {
            return;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithMetrics(metrics => metrics
                .AddMeter(KiwiAuthTelemetry.MeterName, "System.Net.Http")
                .AddAspNetCoreInstrumentation())
            .WithTracing(tracing => tracing
                .AddSource(KiwiAuthTelemetry.ActivitySourceName, "System.Net.Http")
                .AddAspNetCoreInstrumentation());

        switch (exporter)
        {
            case "console":
                builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddConsoleExporter());
                builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddConsoleExporter());
                break;
            case "otlp":
                telemetry.UseOtlpExporter();
                break;
            default:
                throw new InvalidOperationException(
                    $"{ExporterKey} must be 'console', 'otlp' or 'none'; it was '{exporter}'.");
        }
    }

    /// <summary><c>GET /health</c>: 200 when Healthy or Degraded, 503 when Unhealthy, with each check's status,
    /// description and data as JSON.</summary>
    public static void MapSampleHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteReportAsync });
    }

    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        }));
    }
}
