using System.Security.Cryptography;
using System.Text;

namespace Kiwi.Auth.Tokens;

/// <summary>A bearer token that passed the cheap format checks, with its decoded, not yet trusted, claims.</summary>
public sealed class KiwiToken
{
    private string? _hash;
    private string? _shortHash;

    internal KiwiToken(string raw, string algorithm, KiwiTokenPayload payload, string? hash = null)
    {
        Raw = raw;
        Algorithm = algorithm;
        Payload = payload;
        _hash = hash;
    }

    /// <summary>The token as received. Never log it; log <see cref="ShortHash"/>.</summary>
    public string Raw { get; }

    /// <summary>The header's <c>alg</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The decoded claims; trusted only once a validator has said the token is valid.</summary>
    public KiwiTokenPayload Payload { get; }

    /// <summary>The lowercase hex SHA-256 of the whole token: the cache key.</summary>
    public string Hash => _hash ??= ComputeHash(Raw);

    /// <summary>The first 12 hex characters of <see cref="Hash"/>, to correlate log lines without the token.</summary>
    public string ShortHash => _shortHash ??= ShortHashOf(Hash);

    /// <summary>The <see cref="ShortHash"/> of a token known by its <see cref="Hash"/>.</summary>
    internal static string ShortHashOf(string hash) => hash[..12];

    /// <summary>Hashes a token as <see cref="Hash"/> does.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The lowercase hex SHA-256.</returns>
    public static string ComputeHash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        var byteCount = Encoding.UTF8.GetByteCount(token);
        var buffer = byteCount <= 1024 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(token, buffer);
        SHA256.HashData(buffer, digest);
        return Convert.ToHexStringLower(digest);
    }
}
