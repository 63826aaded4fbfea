using Kiwi.Auth.Validation;

namespace Kiwi.Auth.Telemetry;

/// <summary>
/// Turns the fixed texts of <see cref="TokenFailureReasons"/> into short codes for the <c>reason</c> tag. A tag
/// value must come from a small fixed set (each value is its own time series), so a text not listed here counts as
/// <c>other</c> rather than as itself.
/// </summary>
internal static class VerdictReasonCodes
{
    public const string Other = "other";

    public static string Of(string reason) => reason switch
    {
        TokenFailureReasons.Malformed => "malformed",
        TokenFailureReasons.SeveralAuthorizationHeaders => "several_authorization_headers",
        TokenFailureReasons.TooLong => "too_long",
        TokenFailureReasons.Expired => "expired",
        TokenFailureReasons.BadSignature => "bad_signature",
        TokenFailureReasons.BadAlgorithm => "bad_algorithm",
        TokenFailureReasons.NotAccessToken => "not_access_token",
        TokenFailureReasons.ApplicationNotAccepted => "application_not_accepted",
        TokenFailureReasons.RejectedByKiwiUser => "rejected_by_kiwi_user",
        TokenFailureReasons.KiwiUserUnavailable => "kiwi_user_unavailable",
        TokenFailureReasons.NoPublicKey => "no_public_key",
        TokenFailureReasons.KiwiUserPaused => "circuit_open",
        TokenFailureReasons.RequestAborted => "request_aborted",
        TokenFailureReasons.RejectedByApplication => "rejected_by_application",
        TokenFailureReasons.InternalFailure => "internal_failure",
        _ => Other,
    };

    /// <summary>The value of the <c>result</c> tag.</summary>
    public static string ResultOf(TokenVerdictKind kind) => kind switch
    {
        TokenVerdictKind.Valid => "valid",
        TokenVerdictKind.Invalid => "invalid",
        _ => "unavailable",
    };
}
