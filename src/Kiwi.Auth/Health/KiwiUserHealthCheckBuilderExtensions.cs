using Kiwi.Auth;
using Kiwi.Auth.Health;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

#pragma warning disable IDE0130 // Extension methods live in the DI namespace so that they are found without a using.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the kiwi-user health check.</summary>
public static class KiwiUserHealthCheckBuilderExtensions
{
    /// <summary>The name the check is registered under unless another is given: <c>kiwi-user</c>.</summary>
    public const string DefaultName = "kiwi-user";

    /// <summary>The longest ping a health check can sensibly wait for.</summary>
    private static readonly TimeSpan MaximumTimeout = TimeSpan.FromDays(1);

    /// <summary>
    /// Adds a check named <c>kiwi-user</c> that pings kiwi-user through Kiwi.Auth's own client, without a token:
    /// Healthy, Degraded (a slow ping, or the circuit breaker half-open) or Unhealthy (no answer, or the breaker
    /// open). Needs <c>AddKiwiAuth()</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddKiwiUserHealthCheck(this IHealthChecksBuilder builder) =>
        builder.AddKiwiUserHealthCheck(static _ => { });

    /// <summary>Adds the kiwi-user check (see <see cref="AddKiwiUserHealthCheck(IHealthChecksBuilder)"/>) with
    /// settings, a name and tags of its own.</summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="configure">Changes the check's settings.</param>
    /// <param name="name">The check's name in the health report.</param>
    /// <param name="tags">Tags to filter checks by, such as <c>ready</c>.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddKiwiUserHealthCheck(this IHealthChecksBuilder builder,
        Action<KiwiUserHealthCheckOptions> configure, string name = DefaultName, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentException.ThrowIfNullOrEmpty(name);

        var settings = new KiwiUserHealthCheckOptions();
        configure(settings);
        Check(settings);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<KiwiUserCircuitState>();
        return builder.Add(new HealthCheckRegistration(
            name,
            provider => ActivatorUtilities.CreateInstance<KiwiUserHealthCheck>(provider, settings),
            failureStatus: null,
            tags));
    }

    /// <summary>A zero timeout would report every ping Unhealthy, and a threshold at or above the timeout would never
    /// report Degraded; both are refused when the check is added, before the application starts.</summary>
    private static void Check(KiwiUserHealthCheckOptions settings)
    {
        if (settings.Timeout <= TimeSpan.Zero || settings.Timeout > MaximumTimeout)
        {
            throw new ArgumentException($"The kiwi-user health check's Timeout must be positive and at most "
                + $"{MaximumTimeout}; it was {settings.Timeout}.", nameof(settings));
        }

        if (settings.DegradedThreshold < TimeSpan.Zero || settings.DegradedThreshold >= settings.Timeout)
        {
            throw new ArgumentException($"The kiwi-user health check's DegradedThreshold must be at least 0 and below "
                + $"its Timeout ({settings.Timeout}); it was {settings.DegradedThreshold}.", nameof(settings));
        }
    }
}
