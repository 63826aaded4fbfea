namespace Kiwi.User.Emulator;

/// <summary>
/// A fault the emulator injects into requests for one route. With <see cref="Count"/> it hits the next N requests;
/// with <see cref="Duration"/> every request for that long; with neither, every request until cleared.
/// </summary>
public sealed record EmulatorFault
{
    /// <summary>The route's path, such as <c>/v1/token/verify</c>; <c>*</c> hits every route.</summary>
    public required string Path { get; init; }

    /// <summary>What goes wrong.</summary>
    public required EmulatorFaultKind Kind { get; init; }

    /// <summary>For <see cref="EmulatorFaultKind.Latency"/>: how long to wait before answering normally.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>
    /// For <see cref="EmulatorFaultKind.Status"/> (body: kiwi's error envelope for that status) and
    /// <see cref="EmulatorFaultKind.Html"/> (body: an HTML error page): 200-599 except 204, 205 and 304. Default 500.
    /// </summary>
    public int StatusCode { get; init; } = 500;

    /// <summary>The number of requests the fault hits; null for no limit.</summary>
    public int? Count { get; init; }

    /// <summary>How long the fault lasts from when it is injected; null for no limit.</summary>
    public TimeSpan? Duration { get; init; }
}
