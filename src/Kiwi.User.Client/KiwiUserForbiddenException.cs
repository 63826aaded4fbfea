using System.Net;
using Kiwi.User.Client.Models;

namespace Kiwi.User.Client;

/// <summary>
/// kiwi-user refused the call with 403 (code 20005): a verdict, not an outage. Wrong password, unknown user,
/// invalid or expired refresh token, unknown device and wrong verification code all end here; retrying the same
/// call gives the same answer. <see cref="KiwiUserException.KiwiMessage"/> says which, for example
/// <c>Forbidden: invalid refresh token</c>.
/// </summary>
public sealed class KiwiUserForbiddenException : KiwiUserException
{
    /// <summary>Creates the exception for kiwi-user's 403 envelope.</summary>
    /// <param name="error">kiwi's error object.</param>
    public KiwiUserForbiddenException(KiwiError error)
        : base(HttpStatusCode.Forbidden, error)
    {
    }
}
