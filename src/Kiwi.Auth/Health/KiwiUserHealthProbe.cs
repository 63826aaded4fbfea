using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Kiwi.Auth.Health;

/// <summary>
/// Lets the health check's <c>GET /ping</c> go through Kiwi.Auth's own <see cref="HttpClient"/> (same address,
/// same primary handler) but not through the retries and the circuit breaker that token calls share: a failed
/// probe must not count toward opening the breaker, a successful one must not close it as its trial call, and an
/// open breaker must not stop the probe from seeing whether kiwi-user answers.
/// </summary>
internal static class KiwiUserHealthProbe
{
    /// <summary>The resilience pipeline instance of the probe.</summary>
    public const string ProbePipeline = "health";

    /// <summary>The resilience pipeline instance of every other call.</summary>
    public const string CallsPipeline = "calls";

    /// <summary>Marks a request as the probe.</summary>
    public static readonly HttpRequestOptionsKey<bool> Marker = new("Kiwi.Auth.HealthProbe");

    /// <summary>Picks the pipeline instance of a request: the probe's own, or the one token calls share.</summary>
    public static string SelectPipeline(HttpRequestMessage request) =>
        request.Options.TryGetValue(Marker, out var probe) && probe ? ProbePipeline : CallsPipeline;

    /// <summary>The probe's pipeline: one bounded attempt, nothing else.</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, KiwiAuthOptions options) =>
        pipeline.AddTimeout(options.TotalTimeout);
}
