using System.ComponentModel;
using System.Text.Json.Serialization;
using Kiwi.Auth.Validation;

namespace Kiwi.Auth.Caching;

/// <summary>
/// A verdict as the cache holds it: valid with its user, or invalid with its reason; never the token, and never
/// <see cref="TokenVerdictKind.Unavailable"/>. Marked immutable so that HybridCache hands out the one instance from
/// memory instead of deserializing a defensive copy on every hit.
/// </summary>
[ImmutableObject(true)]
internal sealed class CachedVerdict
{
    private TokenVerdict? _verdict;

    /// <summary>Valid or invalid.</summary>
    public required TokenVerdictKind Kind { get; init; }

    /// <summary>Why an invalid token was rejected: a fixed text from <see cref="TokenFailureReasons"/>.</summary>
    public string Reason { get; init; } = "";

    /// <summary>The user of a valid verdict.</summary>
    public KiwiUser? User { get; init; }

    /// <summary>Unix milliseconds from which the entry is never served, whatever the cache below still holds.
    /// For a valid verdict it is never later than the token's <c>exp</c>.</summary>
    public required long NotAfter { get; init; }

    /// <summary>Whether the entry may still be served at <paramref name="now"/>. Checked on every read, so that
    /// neither a slow eviction nor a copy read back from the distributed cache serves a verdict past its time.
    /// </summary>
    public bool IsFresh(DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        if (nowMs >= NotAfter)
        {
            return false;
        }

        return Kind == TokenVerdictKind.Invalid
            || (Kind == TokenVerdictKind.Valid && User is { } user && now < user.ExpiresAt);
    }

    /// <summary>The verdict, built once per cached instance so that a hit allocates nothing.</summary>
    [JsonIgnore]
    public TokenVerdict Verdict => _verdict ??= Kind == TokenVerdictKind.Valid
        ? TokenVerdict.Valid(User!)
        : TokenVerdict.Invalid(Reason);
}
