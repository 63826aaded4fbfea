using Microsoft.Extensions.Logging;

namespace Kiwi.User.Client.Internal;

/// <summary>Every log line the client writes. Event ids (801-899) are stable once shipped. No message holds a
/// token: sessions are named by their user id.</summary>
internal static partial class LoggingExtensions
{
    [LoggerMessage(801, LogLevel.Debug, "Refreshed the access token of user {UserId}; it expires at {ExpiresAt}",
        EventName = "SessionRefreshed")]
    public static partial void SessionRefreshed(this ILogger logger, string userId, DateTimeOffset expiresAt);

    [LoggerMessage(802, LogLevel.Information, "The session of user {UserId} ended: {Reason}",
        EventName = "SessionEnded")]
    public static partial void SessionEnded(this ILogger logger, string userId, string reason);

    [LoggerMessage(803, LogLevel.Warning,
        "Could not refresh the session of user {UserId}; its access token is used until it expires: {Failure}",
        EventName = "SessionRefreshUnavailable")]
    public static partial void SessionRefreshUnavailable(this ILogger logger, string userId, string failure);

    [LoggerMessage(804, LogLevel.Warning,
        "kiwi-user could not log out the session of user {UserId}; it was forgotten here anyway: {Failure}",
        EventName = "SessionLogoutUnavailable")]
    public static partial void SessionLogoutUnavailable(this ILogger logger, string userId, string failure);

    [LoggerMessage(870, LogLevel.Information, "HTTP {Method} {Address} answered {StatusCode} after {ElapsedMs}ms",
        EventName = "HttpRequestCompleted")]
    public static partial void HttpRequestCompleted(
        this ILogger logger, string method, string address, int statusCode, double elapsedMs);

    [LoggerMessage(871, LogLevel.Information, "HTTP {Method} {Address} failed after {ElapsedMs}ms: {FailureType}",
        EventName = "HttpRequestFailed")]
    public static partial void HttpRequestFailed(
        this ILogger logger, string method, string address, string failureType, double elapsedMs);
}
