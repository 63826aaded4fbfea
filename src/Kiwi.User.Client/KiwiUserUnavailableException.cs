using System.Net;
using Kiwi.User.Client.Models;

namespace Kiwi.User.Client;

/// <summary>
/// kiwi-user gave no usable answer: it could not be reached, timed out, the circuit breaker is open, it answered
/// 5xx, or its answer was not kiwi's envelope. The call may succeed later; it says nothing about the credentials.
/// </summary>
public sealed class KiwiUserUnavailableException : KiwiUserException
{
    /// <summary>Creates the exception for a 5xx envelope kiwi-user sent.</summary>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="error">kiwi's error object.</param>
    public KiwiUserUnavailableException(HttpStatusCode statusCode, KiwiError error)
        : base(statusCode, error)
    {
    }

    /// <summary>Creates the exception for a failure that carries no kiwi error.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status, when an answer came.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public KiwiUserUnavailableException(
        string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, statusCode, innerException)
    {
    }
}
