namespace Kiwi.User.Emulator.Faults;

/// <summary>An injected fault with what is left of it: a count of requests, or an end time.</summary>
internal sealed class ActiveFault(EmulatorFault fault, DateTimeOffset? until)
{
    public EmulatorFault Fault { get; } = fault;

    public int? Remaining { get; set; } = fault.Count;

    public DateTimeOffset? Until { get; } = until;

    public bool Matches(string path) =>
        Fault.Path is "*" || string.Equals(Fault.Path, path, StringComparison.Ordinal);
}
