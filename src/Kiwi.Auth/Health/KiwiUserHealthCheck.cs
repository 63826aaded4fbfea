using System.Globalization;
using Kiwi.Auth.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Kiwi.Auth.Health;

/// <summary>
/// Reports kiwi-user's health from Kiwi.Auth's point of view, without a token: <c>GET /ping</c> through Kiwi.Auth's
/// own <see cref="HttpClient"/> (past its retries and breaker, see <see cref="KiwiUserHealthProbe"/>), together
/// with the breaker's state. Unhealthy: the ping failed, or the breaker is open (tokens that need a call get 503).
/// Degraded: the ping was slow, or the breaker is half-open. Healthy otherwise, and when kiwi-user is not called
/// at all (local bypass, or local mode with a configured key and no <c>BaseUrl</c>).
/// </summary>
internal sealed class KiwiUserHealthCheck(
    IServiceProvider services, TimeProvider timeProvider, KiwiUserHealthCheckOptions settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);

        var failure = context.Registration.FailureStatus;
        if (services.GetService<KiwiAuthHttpClient.Marker>() is not { } marker)
        {
            return new HealthCheckResult(failure, "Kiwi.Auth is not registered: call AddKiwiAuth().");
        }

        var options = services.GetRequiredService<IOptionsMonitor<KiwiAuthOptions>>().Get(marker.Scheme);
        if (NotCalledBecause(options) is { } reason)
        {
            return HealthCheckResult.Healthy(reason);
        }

        var circuit = services.GetRequiredService<KiwiUserCircuitState>().Current;
        var ping = await PingAsync(cancellationToken);
        return Judge(failure, ping, circuit);
    }

    private static string? NotCalledBecause(KiwiAuthOptions options)
    {
        if (options.LocalBypass.Enabled)
        {
            return "KiwiAuth:LocalBypass is enabled: Kiwi.Auth does not call kiwi-user.";
        }

        return options.BaseUrl is { IsAbsoluteUri: true }
            ? null
            : "KiwiAuth:BaseUrl is not set: Kiwi.Auth does not call kiwi-user.";
    }

    private HealthCheckResult Judge(HealthStatus failure, PingResult ping, CircuitState circuit)
    {
        var data = new Dictionary<string, object>
        {
            ["circuit_breaker"] = CircuitStateNames.Of(circuit),
            ["ping_ms"] = Math.Round(ping.Duration.TotalMilliseconds, 1),
        };

        if (ping.Failure is { } problem)
        {
            return new HealthCheckResult(
                failure, $"kiwi-user did not answer GET /ping: {problem}.", ping.Exception, data);
        }

        if (circuit is CircuitState.Open or CircuitState.Isolated)
        {
            return new HealthCheckResult(failure, "kiwi-user answers GET /ping, but calls to it are stopped after "
                + "repeated failures (circuit breaker open): tokens that need a call get 503.", data: data);
        }

        if (circuit == CircuitState.HalfOpen)
        {
            return HealthCheckResult.Degraded("The circuit breaker is half-open: the next call to kiwi-user decides "
                + "whether calls resume.", data: data);
        }

        return ping.Duration > settings.DegradedThreshold
            ? HealthCheckResult.Degraded($"kiwi-user answered GET /ping in {Milliseconds(ping.Duration)}, above "
                + $"{Milliseconds(settings.DegradedThreshold)}.", data: data)
            : HealthCheckResult.Healthy($"kiwi-user answered GET /ping in {Milliseconds(ping.Duration)}.", data);
    }

    private async Task<PingResult> PingAsync(CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(settings.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "ping");
        request.Options.Set(KiwiUserHealthProbe.Marker, true);

        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(KiwiAuthDefaults.HttpClientName);
        var started = timeProvider.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, linked.Token);
            var duration = timeProvider.GetElapsedTime(started);
            return response.IsSuccessStatusCode
                ? new PingResult(duration, null, null)
                : new PingResult(duration, $"HTTP {(int)response.StatusCode}", null);
        }
        catch (Exception exception) when (exception is OperationCanceledException or TimeoutRejectedException
            && !cancellationToken.IsCancellationRequested)
        {
            return new PingResult(timeProvider.GetElapsedTime(started),
                $"no answer within {Milliseconds(settings.Timeout)}", null);
        }
        catch (Exception exception) when (exception is HttpRequestException or BrokenCircuitException)
        {
            return new PingResult(timeProvider.GetElapsedTime(started), exception.GetType().Name, exception);
        }
    }

    private static string Milliseconds(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0} ms");

    /// <summary>How the ping went: its duration, and what failed when it did.</summary>
    private sealed record PingResult(TimeSpan Duration, string? Failure, Exception? Exception);
}
