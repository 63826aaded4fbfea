using Kiwi.User.Client.Models;
using Kiwi.User.Client.Models.Requests;

namespace Kiwi.User.Client;

/// <summary>
/// A typed client for kiwi-user. Every method throws <see cref="KiwiUserException"/> when kiwi-user answers with
/// an error or cannot be reached.
/// </summary>
public interface IKiwiUserClient
{
    /// <summary>Asks kiwi-user whether an access token is valid (<c>POST /v1/token/verify</c>).</summary>
    /// <param name="accessToken">The access token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>kiwi-user's verdict and, when valid, the token's user.</returns>
    Task<TokenVerification> VerifyTokenAsync(string accessToken, CancellationToken cancellationToken = default);

    /// <summary>Reads the PEM public key kiwi-user signs tokens with (<c>GET /v1/token/publickey</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The PKIX <c>PUBLIC KEY</c> PEM.</returns>
    Task<string> GetPublicKeyAsync(CancellationToken cancellationToken = default);

    /// <summary>Logs a user in with a user name and password (<c>POST /v1/login/password</c>).</summary>
    /// <param name="request">The login.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new session's tokens.</returns>
    Task<LoginResult> LoginWithPasswordAsync(PasswordLoginRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a new access token for a device's session (<c>POST /v1/token/refresh</c>); the refresh token and its
    /// expiry come back unchanged.
    /// </summary>
    /// <param name="request">The user, device and refresh token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens, with a new access token.</returns>
    Task<LoginResult> RefreshAsync(RefreshTokenRequest request, CancellationToken cancellationToken = default);

    /// <summary>Ends one device's session (<c>POST /v1/user/logout</c>); the access token stays valid until it expires.</summary>
    /// <param name="accessToken">The session's access token.</param>
    /// <param name="request">The device and its refresh token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when kiwi-user has ended the session.</returns>
    Task LogoutAsync(string accessToken, LogoutRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads the profile of the token's user (<c>GET /v1/user/info</c>).</summary>
    /// <param name="accessToken">The user's access token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user's profile.</returns>
    Task<KiwiUserInfo> GetUserInfoAsync(string accessToken, CancellationToken cancellationToken = default);
}
