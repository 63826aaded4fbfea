namespace Kiwi.Auth.Telemetry;

/// <summary>
/// Times each call through Kiwi.Auth's <see cref="HttpClient"/> for <c>kiwi_auth.kiwi_user.duration</c>. It sits
/// outside the resilience pipeline, so a duration is what the caller waited: retries included, and a call the
/// breaker refused counted as <c>circuit_open</c>.
/// </summary>
internal sealed class KiwiUserCallMetricsHandler(KiwiAuthMetrics metrics, TimeProvider timeProvider)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = KiwiUserCallOperations.Of(request.RequestUri);
        var started = timeProvider.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            metrics.KiwiUserCall(operation, KiwiUserCallOutcomes.Of(response.StatusCode), Since(started));
            return response;
        }
        catch (Exception exception)
        {
            metrics.KiwiUserCall(operation, KiwiUserCallOutcomes.Of(exception), Since(started));
            throw;
        }
    }

    private TimeSpan Since(long started) => timeProvider.GetElapsedTime(started);
}
