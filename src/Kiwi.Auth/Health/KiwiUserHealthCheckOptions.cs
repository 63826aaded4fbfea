namespace Kiwi.Auth;

/// <summary>Settings of the kiwi-user health check that <c>AddKiwiUserHealthCheck()</c> registers.</summary>
public sealed class KiwiUserHealthCheckOptions
{
    /// <summary>A ping that takes longer than this reports kiwi-user <c>Degraded</c>: it answers, but slowly. Keep
    /// it below <see cref="KiwiAuthOptions.Timeout"/>, after which token calls give up.</summary>
    /// <value>Default: 1 second.</value>
    public TimeSpan DegradedThreshold { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the ping may take before kiwi-user is reported <c>Unhealthy</c>.</summary>
    /// <value>Default: 5 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
