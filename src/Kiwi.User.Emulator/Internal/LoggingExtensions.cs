using Microsoft.Extensions.Logging;

namespace Kiwi.User.Emulator.Internal;

/// <summary>
/// The emulator's log events (ids 1-99). Verification codes are logged on purpose; tokens and passwords never.
/// </summary>
internal static partial class LoggingExtensions
{
    [LoggerMessage(1, LogLevel.Information, "kiwi-user emulator listening on {Address}", EventName = "Started")]
    public static partial void Started(this ILogger logger, string address);

    [LoggerMessage(2, LogLevel.Information, "Verification code for {Address}: {Code}", EventName = "VerificationCode")]
    public static partial void VerificationCode(this ILogger logger, string address, string code);

    [LoggerMessage(3, LogLevel.Information, "Fault injected on {Path}: {Kind}", EventName = "FaultInjected")]
    public static partial void FaultInjected(this ILogger logger, string path, EmulatorFaultKind kind);

    [LoggerMessage(4, LogLevel.Debug, "Fault {Kind} applied to {Method} {Path}", EventName = "FaultApplied")]
    public static partial void FaultApplied(this ILogger logger, EmulatorFaultKind kind, string method, string path);

    [LoggerMessage(5, LogLevel.Error, "Request {Method} {Path} failed", EventName = "RequestFailed")]
    public static partial void RequestFailed(this ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(6, LogLevel.Information, "Signing key rotated", EventName = "SigningKeyRotated")]
    public static partial void SigningKeyRotated(this ILogger logger);

    [LoggerMessage(7, LogLevel.Information, "User {UserId} added", EventName = "UserAdded")]
    public static partial void UserAdded(this ILogger logger, string userId);

    [LoggerMessage(8, LogLevel.Information, "User {UserId} removed", EventName = "UserRemoved")]
    public static partial void UserRemoved(this ILogger logger, string userId);

    [LoggerMessage(9, LogLevel.Information, "State reset to the seed", EventName = "StateReset")]
    public static partial void StateReset(this ILogger logger);

    [LoggerMessage(10, LogLevel.Information, "User {UserId} created by {Method} login", EventName = "UserCreated")]
    public static partial void UserCreated(this ILogger logger, string userId, string method);

    [LoggerMessage(11, LogLevel.Debug, "User {UserId} logged in on {DeviceType}", EventName = "LoggedIn")]
    public static partial void LoggedIn(this ILogger logger, string userId, string deviceType);

    [LoggerMessage(12, LogLevel.Information, "Faults cleared", EventName = "FaultsCleared")]
    public static partial void FaultsCleared(this ILogger logger);
}
