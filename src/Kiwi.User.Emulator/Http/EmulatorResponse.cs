namespace Kiwi.User.Emulator.Http;

/// <summary>A complete answer, built before anything is written so that faults can change or cut it.</summary>
internal sealed record EmulatorResponse(int StatusCode, string ContentType, byte[] Body)
{
    public const string JsonContentType = "application/json; charset=utf-8";
    /// <summary>What Go's content sniffing makes of a JSON body written before any Content-Type was set.</summary>
    public const string SniffedContentType = "text/plain; charset=utf-8";

    /// <summary>gin sets exactly this, without a charset, on its own 404 page.</summary>
    public const string PlainContentType = "text/plain";

    public string? Location { get; init; }
}
