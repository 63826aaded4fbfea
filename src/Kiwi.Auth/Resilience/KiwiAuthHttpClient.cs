using Kiwi.Auth.Health;
using Kiwi.User.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Telemetry;

namespace Kiwi.Auth.Resilience;

/// <summary>
/// Registers Kiwi.Auth's own named <see cref="HttpClient"/> with its resilience pipeline. Any resilience handler
/// added before ours, such as one from <c>ConfigureHttpClientDefaults(b =&gt; b.AddStandardResilienceHandler())</c>,
/// is removed from this client: two stacked pipelines would multiply the retries and let an outer breaker count
/// our own retries as failures.
/// </summary>
internal static class KiwiAuthHttpClient
{
    /// <summary>The name Microsoft.Extensions.Http.Resilience gives our pipeline: client name, dash, pipeline name.
    /// </summary>
    private const string PipelineFullName =
        KiwiAuthDefaults.HttpClientName + "-" + KiwiAuthResiliencePipeline.PipelineName;

    /// <summary>Registers the client once. Its settings come from the first scheme registered: all Kiwi schemes of
    /// an application call the same kiwi-user.</summary>
    public static void Add(IServiceCollection services, string scheme)
    {
        if (services.Any(d => d.ServiceType == typeof(Marker)))
        {
            return;
        }

        services.TryAddSingleton(new Marker(scheme));
        services.Configure<TelemetryOptions>(QuietOurEvents);
        services.AddHttpClient(KiwiAuthDefaults.HttpClientName, (provider, client) =>
            {
                var options = provider.GetRequiredService<IOptionsMonitor<KiwiAuthOptions>>().Get(scheme);
                if (options.BaseUrl is { IsAbsoluteUri: true } baseUrl)
                {
                    client.BaseAddress = KiwiUserClientServiceCollectionExtensions.EnsureTrailingSlash(baseUrl);
                }

                // A backstop only: the pipeline's total timeout ends a call first.
                client.Timeout = options.TotalTimeout + TimeSpan.FromSeconds(1);
            })
            // HttpClient's own loggers would write two to four Information lines per call, with a stack trace for
            // each failed attempt, and one for every call an open breaker turns away: a flood during an outage.
            // Kiwi.Auth reports its calls itself (breaker opened and closed, retries at Debug, the call metrics).
            .RemoveAllLoggers()
            .ConfigureAdditionalHttpMessageHandlers(static (handlers, _) => RemoveResilienceHandlers(handlers))
            .AddResilienceHandler(KiwiAuthResiliencePipeline.PipelineName, (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<KiwiAuthOptions>>()
                    .Get(scheme);
                if (context.InstanceName == KiwiUserHealthProbe.ProbePipeline)
                {
                    KiwiUserHealthProbe.Configure(pipeline, options);
                    return;
                }

                var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>()
                    .CreateLogger(typeof(KiwiAuthResiliencePipeline).FullName!);
                KiwiAuthResiliencePipeline.Configure(
                    pipeline, options, logger, context.ServiceProvider.GetService<KiwiUserCircuitState>());
            })
            .SelectPipelineBy(static _ => KiwiUserHealthProbe.SelectPipeline);
    }

    /// <summary>
    /// Polly logs every retry and timeout as a warning and a failed last attempt as an error: thousands of lines a
    /// second during an outage. Kiwi.Auth logs what matters itself (the breaker opening and closing, the first
    /// failure), so its own pipeline's events drop to Debug; other pipelines keep their severity. The metrics stay.
    /// </summary>
    private static void QuietOurEvents(TelemetryOptions telemetry)
    {
        var previous = telemetry.SeverityProvider;
        telemetry.SeverityProvider = args => IsOurs(args.Source)
            ? ResilienceEventSeverity.Debug
            : previous?.Invoke(args) ?? args.Event.Severity;
    }

    private static bool IsOurs(ResilienceTelemetrySource source) =>
        source.PipelineName?.StartsWith(PipelineFullName, StringComparison.Ordinal) == true;

    private static void RemoveResilienceHandlers(IList<DelegatingHandler> handlers)
    {
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            if (handlers[i] is ResilienceHandler)
            {
                handlers.RemoveAt(i);
            }
        }
    }

    /// <summary>Says that the client is registered, and for which scheme's settings.</summary>
    internal sealed record Marker(string Scheme);
}
