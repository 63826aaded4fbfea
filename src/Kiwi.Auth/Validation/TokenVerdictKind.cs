namespace Kiwi.Auth.Validation;

/// <summary>The three verdicts a token can get; there is no fourth.</summary>
public enum TokenVerdictKind
{
    /// <summary>The token is valid; the verdict carries its user.</summary>
    Valid = 0,

    /// <summary>The token is not valid; answered with 401.</summary>
    Invalid = 1,

    /// <summary>No verdict could be had (kiwi-user down, no public key yet); answered with 503, never cached.</summary>
    Unavailable = 2,
}
