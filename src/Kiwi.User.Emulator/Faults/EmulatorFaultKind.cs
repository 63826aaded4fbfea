namespace Kiwi.User.Emulator;

/// <summary>The kinds of fault the emulator can inject.</summary>
public enum EmulatorFaultKind
{
    /// <summary>Wait <see cref="EmulatorFault.Latency"/>, then answer normally.</summary>
    Latency,

    /// <summary>
    /// Answer <see cref="EmulatorFault.StatusCode"/> with kiwi's error envelope, without doing anything.
    /// </summary>
    Status,

    /// <summary>
    /// Answer <see cref="EmulatorFault.StatusCode"/> with an HTML error page, as a proxy in front would.
    /// </summary>
    Html,

    /// <summary>Do the request, announce the whole body's length, send half of it, and close the connection.</summary>
    TruncatedBody,

    /// <summary>Close the connection without answering, and without doing anything.</summary>
    DropConnection,
}
