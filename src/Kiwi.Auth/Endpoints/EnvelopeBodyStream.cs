using Microsoft.AspNetCore.Http;

namespace Kiwi.Auth.Endpoints;

/// <summary>
/// The body an <see cref="IResult"/> writes under the envelope. At the first bytes, when the status and content type
/// are set, it decides: a body the envelope wraps (a 2xx JSON or text body) is held in <see cref="Buffer"/>; any
/// other (a file, a stream, server-sent events, an error) goes straight to the response, as without the envelope,
/// instead of being held in memory to its end.
/// </summary>
/// <param name="response">The response whose status and content type decide.</param>
/// <param name="original">The response's own body stream.</param>
internal sealed class EnvelopeBodyStream(HttpResponse response, Stream original) : Stream
{
    private Stream? target;

    /// <summary>What was held back for the envelope.</summary>
    public MemoryStream Buffer { get; } = new();

    /// <summary>Whether the body went straight to the response.</summary>
    public bool PassedThrough => ReferenceEquals(target, original);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    // Before any bytes nothing is decided, so a flush then sends nothing (a 2xx with no body is still wrapped).
    public override void Flush() => target?.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        target?.FlushAsync(cancellationToken) ?? Task.CompletedTask;

    public override void Write(byte[] buffer, int offset, int count) => Target().Write(buffer, offset, count);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Target().WriteAsync(buffer, offset, count, cancellationToken);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        Target().WriteAsync(buffer, cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Buffer.Dispose();
        }

        base.Dispose(disposing);
    }

    private Stream Target() => target ??= KiwiEnvelopeResult.Wraps(response) ? Buffer : original;
}
