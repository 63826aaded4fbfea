using Microsoft.Extensions.Logging;

namespace Kiwi.Auth;

/// <summary>Every log line Kiwi.Auth writes. Event ids are stable once shipped. No message ever holds a token:
/// only its short hash.</summary>
internal static partial class LoggingExtensions
{
    [LoggerMessage(1, LogLevel.Debug, "Token {TokenHash} rejected: {Reason}", EventName = "TokenRejected")]
    public static partial void TokenRejected(this ILogger logger, string tokenHash, string reason);

    [LoggerMessage(2, LogLevel.Warning, "kiwi-user gave no verdict for token {TokenHash}: {Failure}",
        EventName = "KiwiUserUnavailable")]
    public static partial void KiwiUserUnavailable(this ILogger logger, string tokenHash, string failure);

    [LoggerMessage(3, LogLevel.Warning,
        "KiwiAuth:LocalBypass is enabled: every request is authenticated as user {UserId} without kiwi-user. "
        + "Never enable it outside local development.", EventName = "LocalBypassEnabled")]
    public static partial void LocalBypassEnabled(this ILogger logger, string userId);

    [LoggerMessage(4, LogLevel.Debug, "Request credentials rejected before validation: {Reason}",
        EventName = "CredentialsRejected")]
    public static partial void CredentialsRejected(this ILogger logger, string reason);
}
