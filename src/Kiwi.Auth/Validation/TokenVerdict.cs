namespace Kiwi.Auth.Validation;

/// <summary>What validating one token decided.</summary>
public sealed record TokenVerdict
{
    private TokenVerdict(TokenVerdictKind kind, KiwiUser? user, string reason)
    {
        Kind = kind;
        User = user;
        Reason = reason;
    }

    /// <summary>The verdict.</summary>
    public TokenVerdictKind Kind { get; }

    /// <summary>The token's user when <see cref="Kind"/> is <see cref="TokenVerdictKind.Valid"/>.</summary>
    public KiwiUser? User { get; }

    /// <summary>Why the token was not accepted: one of the fixed texts in <see cref="TokenFailureReasons"/>; never
    /// holds the token or a claim value.</summary>
    public string Reason { get; }

    /// <summary>A valid verdict.</summary>
    /// <param name="user">The token's user.</param>
    /// <returns>The verdict.</returns>
    public static TokenVerdict Valid(KiwiUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(TokenVerdictKind.Valid, user, "");
    }

    /// <summary>An invalid verdict.</summary>
    /// <param name="reason">A fixed text from <see cref="TokenFailureReasons"/>.</param>
    /// <returns>The verdict.</returns>
    public static TokenVerdict Invalid(string reason) => new(TokenVerdictKind.Invalid, null, reason);

    /// <summary>No verdict could be had.</summary>
    /// <param name="reason">A fixed text from <see cref="TokenFailureReasons"/>.</param>
    /// <returns>The verdict.</returns>
    public static TokenVerdict Unavailable(string reason) => new(TokenVerdictKind.Unavailable, null, reason);
}
