using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Kiwi.Auth.Telemetry;

/// <summary>The values of the <c>outcome</c> tag of <c>kiwi_auth.kiwi_user.duration</c>.</summary>
internal static class KiwiUserCallOutcomes
{
    /// <summary>kiwi-user answered 2xx: a verdict (valid or not), a key, a pong.</summary>
    public const string Success = "success";

    /// <summary>kiwi-user answered 4xx.</summary>
    public const string ClientError = "client_error";

    /// <summary>kiwi-user (or a proxy before it) answered 5xx or another status.</summary>
    public const string ServerError = "server_error";

    /// <summary>No answer within the timeout.</summary>
    public const string Timeout = "timeout";

    /// <summary>The circuit breaker refused the call without sending it.</summary>
    public const string CircuitOpen = "circuit_open";

    /// <summary>The connection failed or broke.</summary>
    public const string ConnectionError = "connection_error";

    /// <summary>Anything else, such as a cancelled call.</summary>
    public const string Other = "other";

    public static string Of(HttpStatusCode status) => (int)status switch
    {
        >= 200 and < 300 => Success,
        >= 400 and < 500 => ClientError,
        _ => ServerError,
    };

    public static string Of(Exception exception) => exception switch
    {
        BrokenCircuitException => CircuitOpen,
        TimeoutRejectedException or TimeoutException => Timeout,
        HttpRequestException or IOException => ConnectionError,
        _ => Other,
    };
}
