using System.Collections.Concurrent;

namespace Kiwi.Auth.EndToEnd.Tests.Telemetry;

/// <summary>Every token, refresh token and password a scenario used, and the pieces of each that must not show
/// either: a JWT's payload and signature (its header is the same for every kiwi token, so it says nothing).</summary>
internal sealed class SecretList
{
    private const int ShortestPiece = 16;

    private readonly ConcurrentDictionary<string, byte> _secrets = new(StringComparer.Ordinal);

    public string Add(string secret)
    {
        _secrets.TryAdd(secret, 0);
        return secret;
    }

    public IReadOnlyList<string> Needles() => _secrets.Keys
        .SelectMany(Pieces)
        .Where(p => p.Length >= ShortestPiece || _secrets.ContainsKey(p))
        .Distinct(StringComparer.Ordinal)
        .ToList();

    private static IEnumerable<string> Pieces(string secret)
    {
        yield return secret;
        var segments = secret.Split('.');
        if (segments.Length == 3)
        {
            yield return segments[1];
            yield return segments[2];
        }
    }
}
