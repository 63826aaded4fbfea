using Kiwi.Auth.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kiwi.Auth.Telemetry;

/// <summary>Registers Kiwi.Auth's meter, the breaker's state and the timing of calls to kiwi-user.</summary>
internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>Adds the telemetry once. Call it after Kiwi.Auth's <see cref="HttpClient"/> is registered: the
    /// timing handler goes in front of every handler already there, the resilience pipeline included.</summary>
    public static IServiceCollection AddKiwiAuthTelemetry(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(KiwiAuthMetrics)))
        {
            return services;
        }

        services.AddMetrics();
        services.TryAddSingleton<KiwiAuthMetrics>();
        services.TryAddSingleton<KiwiUserCircuitState>();
        services.AddHostedService<QueryStringLogCheck>();
        services.AddHttpClient(KiwiAuthDefaults.HttpClientName).ConfigureAdditionalHttpMessageHandlers(
            static (handlers, provider) =>
                handlers.Insert(0, ActivatorUtilities.CreateInstance<KiwiUserCallMetricsHandler>(provider)));
        return services;
    }
}
