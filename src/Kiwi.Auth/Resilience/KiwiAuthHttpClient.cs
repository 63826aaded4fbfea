using Kiwi.Auth.Health;
using Kiwi.User.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiwi.Auth.Resilience;

/// <summary>
/// Registers Kiwi.Auth's own named <see cref="HttpClient"/> with its resilience pipeline. Any resilience handler
/// added before ours, such as one from <c>ConfigureHttpClientDefaults(b =&gt; b.AddStandardResilienceHandler())</c>,
/// is removed from this client: two stacked pipelines would multiply the retries and let an outer breaker count
/// our own retries as failures.
/// </summary>
internal static class KiwiAuthHttpClient
{
    /// <summary>Registers the client once. Its settings come from the first scheme registered: all Kiwi schemes of
    /// an application call the same kiwi-user.</summary>
    public static void Add(IServiceCollection services, string scheme)
    {
        if (services.Any(d => d.ServiceType == typeof(Marker)))
        {
            return;
        }

        services.TryAddSingleton(new Marker(scheme));
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
            .ConfigureAdditionalHttpMessageHandlers(static (handlers, _) => RemoveResilienceHandlers(handlers))
            .AddResilienceHandler(KiwiAuthResiliencePipeline.PipelineName, (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<KiwiAuthOptions>>().Get(scheme);
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
