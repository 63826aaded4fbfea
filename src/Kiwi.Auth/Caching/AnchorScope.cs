using System.Security.Cryptography;
using System.Text;

namespace Kiwi.Auth.Caching;

/// <summary>
/// A short, stable name of a trust anchor (a public key PEM or kiwi-user's address) for verdict cache keys: the
/// first 16 hex characters of its SHA-256. One lives on each options instance and remembers its last anchor, so
/// the hot path hashes nothing while the anchor stays the same.
/// </summary>
internal sealed class AnchorScope
{
    private Memo _last = new("", Compute(""));

    public string Of(string anchor)
    {
        var memo = Volatile.Read(ref _last);
        if (!string.Equals(memo.Anchor, anchor, StringComparison.Ordinal))
        {
            memo = new Memo(anchor, Compute(anchor));
            Volatile.Write(ref _last, memo);
        }

        return memo.Scope;
    }

    private static string Compute(string anchor) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(anchor)))[..16];

    private sealed record Memo(string Anchor, string Scope);
}
