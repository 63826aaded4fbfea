namespace Kiwi.Auth.Validation;

/// <summary>
/// The fixed texts a rejected token is described with. They reach logs and the <c>error_description</c> of
/// <c>WWW-Authenticate</c>, so none of them may ever hold a token, part of one or a claim value.
/// </summary>
public static class TokenFailureReasons
{
    /// <summary>Not three base64url segments, not JSON, or a claim of the wrong type.</summary>
    public const string Malformed = "The token is malformed.";

    /// <summary>The request had more than one <c>Authorization</c> header.</summary>
    public const string SeveralAuthorizationHeaders = "The request has several Authorization headers.";

    /// <summary>Longer than the configured maximum.</summary>
    public const string TooLong = "The token is too long.";

    /// <summary>The <c>exp</c> is in the past.</summary>
    public const string Expired = "The token has expired.";

    /// <summary>The signature does not match kiwi-user's key.</summary>
    public const string BadSignature = "The token's signature is invalid.";

    /// <summary>The algorithm is not RS256.</summary>
    public const string BadAlgorithm = "The token's algorithm is not RS256.";

    /// <summary>The <c>type</c> claim is not <c>access</c>.</summary>
    public const string NotAccessToken = "The token is not an access token.";

    /// <summary>The <c>iss</c> is not among the accepted applications.</summary>
    public const string ApplicationNotAccepted = "The token's application is not accepted.";

    /// <summary>kiwi-user's verify said no.</summary>
    public const string RejectedByKiwiUser = "kiwi-user rejected the token.";

    /// <summary>kiwi-user could not be asked or gave no well-formed verdict.</summary>
    public const string KiwiUserUnavailable = "kiwi-user is unavailable.";

    /// <summary>Local mode has no public key yet.</summary>
    public const string NoPublicKey = "kiwi-user's public key is not known yet.";

    /// <summary>Calls to kiwi-user are stopped for a while after repeated failures (the circuit breaker is open).
    /// </summary>
    public const string KiwiUserPaused = "kiwi-user is unavailable; calls are paused after repeated failures.";

    /// <summary>The client went away before a verdict was had; nobody reads the answer.</summary>
    public const string RequestAborted = "The request was aborted.";

    /// <summary>The application's <c>OnMessageReceived</c> or <c>OnTokenValidated</c> event refused the request.
    /// </summary>
    public const string RejectedByApplication = "The application rejected the token.";

    /// <summary>Something failed that should not have; the request is turned away rather than let in.</summary>
    public const string InternalFailure = "Authentication could not be completed.";
}
