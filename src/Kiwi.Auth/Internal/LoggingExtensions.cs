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
}
