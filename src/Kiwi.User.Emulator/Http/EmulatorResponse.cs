namespace Kiwi.User.Emulator.Http;

/// <summary>A complete answer, built before anything is written so that faults can change or cut it.</summary>
internal sealed record EmulatorResponse(int StatusCode, string ContentType, byte[] Body)
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string TextContentType = "text/plain; charset=utf-8";

    public string? Location { get; init; }
}
