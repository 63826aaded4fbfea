using Kiwi.Auth.Telemetry;
using Polly.CircuitBreaker;

namespace Kiwi.Auth.Health;

/// <summary>
/// The state of the circuit breaker on Kiwi.Auth's calls to kiwi-user, as its callbacks report it, for the health
/// check and the <c>kiwi_auth.circuit_breaker.state_changes</c> counter.
/// </summary>
/// <remarks>
/// Polly leaves an open breaker open until the next call after the break; only that call moves it to half-open. So
/// an open breaker whose break is over is reported as half-open: the next call is the trial.
/// </remarks>
internal sealed class KiwiUserCircuitState(TimeProvider timeProvider, KiwiAuthMetrics? metrics = null)
{
    private readonly Lock _gate = new();
    private CircuitState _state = CircuitState.Closed;
    private DateTimeOffset _breakEnds;

    /// <summary>The state now: <see cref="CircuitState.Closed"/>, <see cref="CircuitState.Open"/> or
    /// <see cref="CircuitState.HalfOpen"/>.</summary>
    public CircuitState Current
    {
        get
        {
            lock (_gate)
            {
                return _state == CircuitState.Open && timeProvider.GetUtcNow() >= _breakEnds
                    ? CircuitState.HalfOpen
                    : _state;
            }
        }
    }

    public void Opened(TimeSpan breakDuration)
    {
        lock (_gate)
        {
            _state = CircuitState.Open;
            _breakEnds = timeProvider.GetUtcNow() + breakDuration;
        }

        metrics?.CircuitStateChanged(CircuitStateNames.Open);
    }

    public void HalfOpened()
    {
        Set(CircuitState.HalfOpen);
        metrics?.CircuitStateChanged(CircuitStateNames.HalfOpen);
    }

    public void Closed()
    {
        Set(CircuitState.Closed);
        metrics?.CircuitStateChanged(CircuitStateNames.Closed);
    }

    private void Set(CircuitState state)
    {
        lock (_gate)
        {
            _state = state;
        }
    }
}
