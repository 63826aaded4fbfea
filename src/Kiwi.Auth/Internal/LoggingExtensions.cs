using Microsoft.Extensions.Logging;

namespace Kiwi.Auth;

/// <summary>Every log line Kiwi.Auth writes. Event ids are stable once shipped. No message ever holds a token:
/// only its short hash.</summary>
internal static partial class LoggingExtensions
{
    [LoggerMessage(1, LogLevel.Debug, "Token {TokenHash} rejected: {Reason}", EventName = "TokenRejected")]
    public static partial void TokenRejected(this ILogger logger, string tokenHash, string reason);

    [LoggerMessage(2, LogLevel.Debug, "kiwi-user gave no verdict for token {TokenHash}: {Failure}",
        EventName = "KiwiUserUnavailable")]
    public static partial void KiwiUserUnavailable(this ILogger logger, string tokenHash, string failure);

    [LoggerMessage(3, LogLevel.Warning,
        "KiwiAuth:LocalBypass is enabled: every request is authenticated as user {UserId} without kiwi-user. "
        + "Never enable it outside local development.", EventName = "LocalBypassEnabled")]
    public static partial void LocalBypassEnabled(this ILogger logger, string userId);

    [LoggerMessage(4, LogLevel.Debug, "Request credentials rejected before validation: {Reason}",
        EventName = "CredentialsRejected")]
    public static partial void CredentialsRejected(this ILogger logger, string reason);

    [LoggerMessage(30, LogLevel.Information,
        "Loaded kiwi-user's public key from {Source}: RSA {KeySize} bits, fingerprint {Fingerprint} "
        + "(before: {Previous})",
        EventName = "PublicKeyLoaded")]
    public static partial void PublicKeyLoaded(
        this ILogger logger, string source, int keySize, string fingerprint, string previous);

    [LoggerMessage(39, LogLevel.Warning,
        "A reload of scheme {Scheme} changed where its public key comes from (configured key, kiwi-user or mode); "
        + "the key it had is kept until the application restarts",
        EventName = "PublicKeySourceChangeNeedsRestart")]
    public static partial void PublicKeySourceChangeNeedsRestart(this ILogger logger, string scheme);

    [LoggerMessage(31, LogLevel.Warning, "Could not fetch kiwi-user's public key ({FailureType}): {Failure}",
        EventName = "PublicKeyFetchFailed")]
    public static partial void PublicKeyFetchFailed(this ILogger logger, string failureType, string failure);

    [LoggerMessage(32, LogLevel.Error,
        "kiwi-user's public key from {Source} is not {ExpectedFormat}: {Problem}. The previous key, if any, is kept.",
        EventName = "PublicKeyUnreadable")]
    public static partial void PublicKeyUnreadable(
        this ILogger logger, string source, string expectedFormat, string problem);

    [LoggerMessage(33, LogLevel.Information,
        "Token {TokenHash} failed the signature check: fetching kiwi-user's public key again in case it rotated",
        EventName = "PublicKeyRefetchAfterSignatureFailure")]
    public static partial void PublicKeyRefetchAfterSignatureFailure(this ILogger logger, string tokenHash);

    [LoggerMessage(34, LogLevel.Debug,
        "Token {TokenHash} failed the signature check; the public key was last fetched again at {LastRefetch}, "
        + "too recently to fetch it again", EventName = "PublicKeyRefetchThrottled")]
    public static partial void PublicKeyRefetchThrottled(
        this ILogger logger, string tokenHash, DateTimeOffset lastRefetch);

    [LoggerMessage(35, LogLevel.Warning, "Token {TokenHash} cannot be validated locally: no public key is known yet",
        EventName = "PublicKeyMissing")]
    public static partial void PublicKeyMissing(this ILogger logger, string tokenHash);

    [LoggerMessage(36, LogLevel.Debug, "Token {TokenHash} failed local validation: {FailureType}",
        EventName = "LocalValidationFailed")]
    public static partial void LocalValidationFailed(this ILogger logger, string tokenHash, string failureType);

    [LoggerMessage(37, LogLevel.Information, "Next refresh of kiwi-user's public key in {Delay}",
        EventName = "PublicKeyRefreshScheduled")]
    public static partial void PublicKeyRefreshScheduled(this ILogger logger, TimeSpan delay);

    [LoggerMessage(50, LogLevel.Debug, "Verdict {Kind} for token {TokenHash} cached for {Lifetime}",
        EventName = "VerdictCached")]
    public static partial void VerdictCached(
        this ILogger logger, string tokenHash, Validation.TokenVerdictKind kind, TimeSpan lifetime);

    [LoggerMessage(51, LogLevel.Warning,
        "The verdict cache could not be read for token {TokenHash} ({Failure}); validating without it",
        EventName = "VerdictCacheReadFailed")]
    public static partial void VerdictCacheReadFailed(this ILogger logger, string tokenHash, string failure);

    [LoggerMessage(52, LogLevel.Warning,
        "The distributed cache gave no answer for token {TokenHash} within {Budget}; validating without it",
        EventName = "VerdictCacheReadTimedOut")]
    public static partial void VerdictCacheReadTimedOut(this ILogger logger, string tokenHash, TimeSpan budget);

    [LoggerMessage(53, LogLevel.Warning,
        "The verdict of token {TokenHash} could not be cached ({Failure}); it is kept in memory at most",
        EventName = "VerdictCacheWriteFailed")]
    public static partial void VerdictCacheWriteFailed(this ILogger logger, string tokenHash, string failure);

    [LoggerMessage(54, LogLevel.Warning,
        "The distributed cache did not store the verdict of token {TokenHash} within {Budget}; answering without it",
        EventName = "VerdictCacheWriteTimedOut")]
    public static partial void VerdictCacheWriteTimedOut(this ILogger logger, string tokenHash, TimeSpan budget);

    [LoggerMessage(55, LogLevel.Warning,
        "More than {Limit} invalid verdicts within {Window}: further ones are not cached until the window ends",
        EventName = "NegativeCacheFull")]
    public static partial void NegativeCacheFull(this ILogger logger, int limit, TimeSpan window);

    [LoggerMessage(56, LogLevel.Warning,
        "{Limit} tokens are being validated at once: token {TokenHash} gets no verdict (503)",
        EventName = "TooManyValidations")]
    public static partial void TooManyValidations(this ILogger logger, int limit, string tokenHash);

    [LoggerMessage(10, LogLevel.Warning,
        "Calls to kiwi-user stopped for {BreakDuration} after repeated failures (last: {Outcome}); tokens that need "
        + "a call are answered 503 until a trial call succeeds", EventName = "KiwiUserCircuitOpened")]
    public static partial void CircuitOpened(this ILogger logger, TimeSpan breakDuration, string outcome);

    [LoggerMessage(11, LogLevel.Information, "kiwi-user answers again: calls resumed",
        EventName = "KiwiUserCircuitClosed")]
    public static partial void CircuitClosed(this ILogger logger);

    [LoggerMessage(12, LogLevel.Debug, "Trying one call to kiwi-user to see whether it answers again",
        EventName = "KiwiUserCircuitHalfOpened")]
    public static partial void CircuitHalfOpened(this ILogger logger);

    [LoggerMessage(13, LogLevel.Debug, "Retrying a call to kiwi-user (retry {Attempt}) after {Outcome}",
        EventName = "KiwiUserCallRetrying")]
    public static partial void VerifyRetrying(this ILogger logger, int attempt, string outcome);

    [LoggerMessage(14, LogLevel.Debug, "Token {TokenHash} not verified: calls to kiwi-user are stopped for now",
        EventName = "KiwiUserCallRejected")]
    public static partial void CallRejected(this ILogger logger, string tokenHash);

    [LoggerMessage(15, LogLevel.Debug, "The caller went away while token {TokenHash} was being verified",
        EventName = "VerificationAbandoned")]
    public static partial void VerificationAbandoned(this ILogger logger, string tokenHash);

    [LoggerMessage(16, LogLevel.Error, "Authentication failed unexpectedly; the request is answered 503",
        EventName = "AuthenticationCrashed")]
    public static partial void AuthenticationCrashed(this ILogger logger, Exception exception);

    [LoggerMessage(17, LogLevel.Error, "kiwi-user's answer for token {TokenHash} could not be handled ({Failure}); "
        + "the request is answered 503", EventName = "KiwiUserAnswerUnhandled")]
    public static partial void KiwiUserAnswerUnhandled(this ILogger logger, string tokenHash, string failure);

    [LoggerMessage(18, LogLevel.Warning,
        "kiwi-user gives no verdicts (first failure: {Failure}); tokens that need a call are answered 503",
        EventName = "KiwiUserFailing")]
    public static partial void KiwiUserFailing(this ILogger logger, string failure);

    [LoggerMessage(19, LogLevel.Information, "kiwi-user gives verdicts again", EventName = "KiwiUserRecovered")]
    public static partial void KiwiUserRecovered(this ILogger logger);

    [LoggerMessage(60, LogLevel.Error,
        "The KiwiAuth options of scheme {Scheme} changed into invalid ones and are refused: the scheme keeps serving "
        + "with its last valid options until the configuration is fixed. {Failures}",
        EventName = "KiwiAuthOptionsReloadRefused")]
    public static partial void OptionsReloadRefused(this ILogger logger, string scheme, string failures);

    [LoggerMessage(61, LogLevel.Information, "The KiwiAuth options of scheme {Scheme} are valid again and apply",
        EventName = "KiwiAuthOptionsReloadAccepted")]
    public static partial void OptionsReloadAccepted(this ILogger logger, string scheme);

    [LoggerMessage(90, LogLevel.Error, "The {EventName} event of the Kiwi scheme threw; the request is answered "
        + "with the default 401, 403 or 503", EventName = "KiwiAuthEventFailed")]
    public static partial void EventFailed(this ILogger logger, Exception exception, string eventName);

    [LoggerMessage(91, LogLevel.Debug, "The token was taken from {Source}", EventName = "TokenSourceUsed")]
    public static partial void TokenSourceUsed(this ILogger logger, KiwiTokenSource source);

    [LoggerMessage(92, LogLevel.Debug, "The {EventName} event decided the authentication result",
        EventName = "AuthenticationDecidedByEvent")]
    public static partial void AuthenticationDecidedByEvent(this ILogger logger, string eventName);

    [LoggerMessage(93, LogLevel.Error, "The application's problem details service threw while writing a {StatusCode}; "
        + "a plain problem is written instead", EventName = "ProblemDetailsWriteFailed")]
    public static partial void ProblemDetailsWriteFailed(this ILogger logger, Exception exception, int statusCode);

    [LoggerMessage(70, LogLevel.Warning,
        "KiwiAuth:TokenSources:QueryStringPaths is set and {Category} logs at Information: its request lines hold "
        + "the query string, and with it the access_token. Set Logging:LogLevel:{Category} to Warning.",
        EventName = "QueryStringTokensLogged")]
    public static partial void QueryStringTokensLogged(this ILogger logger, string category);
}
