using Polly.CircuitBreaker;

namespace Kiwi.Auth.Health;

/// <summary>The breaker's states as tag values and health data: <c>closed</c>, <c>open</c>, <c>half_open</c>.
/// </summary>
internal static class CircuitStateNames
{
    public const string Closed = "closed";

    public const string Open = "open";

    public const string HalfOpen = "half_open";

    public static string Of(CircuitState state) => state switch
    {
        CircuitState.Open or CircuitState.Isolated => Open,
        CircuitState.HalfOpen => HalfOpen,
        _ => Closed,
    };
}
