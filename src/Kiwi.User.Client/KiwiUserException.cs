using System.Net;
using Kiwi.User.Client.Models;

namespace Kiwi.User.Client;

/// <summary>
/// kiwi-user answered a call with an error, or could not be reached. <see cref="Code"/> and
/// <see cref="KiwiMessage"/> carry kiwi's own error when it sent its envelope. Catch
/// <see cref="KiwiUserForbiddenException"/> for kiwi's 403 verdicts and <see cref="KiwiUserUnavailableException"/>
/// for outages; this base type alone is thrown for the remaining answers (400 and 401 envelopes).
/// </summary>
public class KiwiUserException : Exception
{
    /// <summary>Creates an exception for an error envelope kiwi-user sent.</summary>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="error">kiwi's error object.</param>
    public KiwiUserException(HttpStatusCode statusCode, KiwiError error)
        : base($"kiwi-user answered {(int)statusCode} with code {error.Code}: {error.Message}")
    {
        StatusCode = statusCode;
        Code = error.Code;
        KiwiMessage = error.Message;
    }

    /// <summary>Creates an exception for a failure that carries no kiwi error.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status, when an answer came.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public KiwiUserException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status of kiwi-user's answer; <see langword="null"/> when no answer came.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>kiwi's error code (see <see cref="KiwiErrorCodes"/>); <see langword="null"/> without an envelope.
    /// </summary>
    public int? Code { get; }

    /// <summary>kiwi's error message, such as <c>Forbidden: invalid refresh token</c>.</summary>
    public string? KiwiMessage { get; }

    /// <summary>Picks the exception type that matches an error envelope.</summary>
    internal static KiwiUserException FromError(HttpStatusCode statusCode, KiwiError error) => statusCode switch
    {
        HttpStatusCode.Forbidden => new KiwiUserForbiddenException(error),
        HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError =>
            new KiwiUserUnavailableException(statusCode, error),
        _ => new KiwiUserException(statusCode, error),
    };
}
