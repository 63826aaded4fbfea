namespace Kiwi.User.Emulator.Faults;

/// <summary>The injected faults; each request takes at most one, the oldest that matches its path.</summary>
internal sealed class FaultBoard(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly List<ActiveFault> _faults = [];

    public void Add(EmulatorFault fault)
    {
        Validate(fault);

        var until = fault.Duration is { } duration ? timeProvider.GetUtcNow() + duration : (DateTimeOffset?)null;
        lock (_gate)
        {
            _faults.Add(new ActiveFault(fault, until));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    public IReadOnlyList<EmulatorFault> Active()
    {
        lock (_gate)
        {
            RemoveExpired();
            return [.. _faults.Select(f => f.Fault)];
        }
    }

    /// <summary>The fault for this request, if any; uses up one of its count.</summary>
    public EmulatorFault? Take(string path)
    {
        lock (_gate)
        {
            RemoveExpired();
            var active = _faults.Find(f => f.Matches(path));
            if (active is null)
            {
                return null;
            }

            if (active.Remaining is { } remaining)
            {
                active.Remaining = remaining - 1;
                if (active.Remaining == 0)
                {
                    _faults.Remove(active);
                }
            }

            return active.Fault;
        }
    }

    private static void Validate(EmulatorFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (!Enum.IsDefined(fault.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault.Kind, "Unknown fault kind.");
        }

        if (fault.Count is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault.Count, "A fault's Count must be positive.");
        }

        if (fault.Duration is { } duration && duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(fault), duration, "A fault's Duration must be positive.");
        }

        if (fault.Latency < TimeSpan.Zero || fault.Latency > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault.Latency, "Latency must be 0 to 1 hour.");
        }

        // Only the kinds that answer use the status; the others ignore whatever it is. Their answer has a body, which
        // HTTP forbids with 1xx, 204, 205 and 304: such a fault would crash the request it hits.
        var answers = fault.Kind is EmulatorFaultKind.Status or EmulatorFaultKind.Html;
        if (answers && fault.StatusCode is < 200 or > 599 or 204 or 205 or 304)
        {
            throw new ArgumentOutOfRangeException(
                nameof(fault), fault.StatusCode, "StatusCode must be 200-599 and allow a body (not 204, 205, 304).");
        }
    }

    private void RemoveExpired()
    {
        var now = timeProvider.GetUtcNow();
        _faults.RemoveAll(f => f.Until is { } until && now >= until);
    }
}
