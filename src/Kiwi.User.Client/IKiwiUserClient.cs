using Kiwi.User.Client.Models;
using Kiwi.User.Client.Models.Requests;

namespace Kiwi.User.Client;

/// <summary>
/// A typed client for kiwi-user (every route but payments and admin). Every method throws
/// <see cref="KiwiUserForbiddenException"/> for kiwi's 403 verdicts, <see cref="KiwiUserUnavailableException"/>
/// when kiwi-user cannot give an answer, and <see cref="KiwiUserException"/> for its other errors (400, 401).
/// Cancelling <c>cancellationToken</c> throws <see cref="OperationCanceledException"/>.
/// </summary>
public interface IKiwiUserClient
{
    /// <summary>Checks that kiwi-user answers (<c>GET /ping</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when kiwi-user has answered.</returns>
    Task PingAsync(CancellationToken cancellationToken = default);

    /// <summary>Logs a user in with a user name and password (<c>POST /v1/login/password</c>).</summary>
    /// <param name="request">The login.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The device's new session; any earlier refresh token of that device stops working.</returns>
    /// <exception cref="KiwiUserForbiddenException">Unknown user or wrong password (<c>user not found</c>).</exception>
    Task<LoginResult> LoginWithPasswordAsync(
        PasswordLoginRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Switches a device's session into an organization (<c>POST /v1/login/organization</c>): a new access token
    /// carrying the organization, the same refresh token.
    /// </summary>
    /// <param name="request">The organization, user, device and its refresh token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session's tokens with the new access token.</returns>
    Task<LoginResult> LoginToOrganizationAsync(
        OrganizationLoginRequest request, CancellationToken cancellationToken = default);

    /// <summary>Sends a login code by SMS (<c>POST /v1/login/phone/verify_code</c>).</summary>
    /// <param name="request">The phone number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when kiwi-user has sent the code.</returns>
    Task SendPhoneCodeAsync(PhoneCodeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Logs in with an SMS code (<c>POST /v1/login/phone</c>); an unknown phone creates a user.</summary>
    /// <param name="request">The login.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The device's new session.</returns>
    Task<LoginResult> LoginWithPhoneAsync(PhoneLoginRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a six-digit login code by email (<c>POST /v1/login/email/verify_code</c>); it is valid ten minutes and
    /// replaces any earlier code.
    /// </summary>
    /// <param name="request">The address and the code's purpose.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when kiwi-user has sent the code.</returns>
    Task SendEmailCodeAsync(EmailCodeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Logs in with an email code (<c>POST /v1/login/email</c>); an unknown address creates a user.</summary>
    /// <param name="request">The login.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The device's new session; the code is used up.</returns>
    Task<LoginResult> LoginWithEmailAsync(EmailLoginRequest request, CancellationToken cancellationToken = default);

    /// <summary>Logs in with a Google OAuth code (<c>POST /v1/login/google/web</c>).</summary>
    /// <param name="request">The login.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The device's new session.</returns>
    Task<LoginResult> LoginWithGoogleAsync(
        GoogleWebLoginRequest request, CancellationToken cancellationToken = default);

    /// <summary>Logs in from a WeChat mini program (<c>POST /v1/login/wechat/miniprogram</c>).</summary>
    /// <param name="request">The login.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The device's new session.</returns>
    Task<LoginResult> LoginWithWeChatMiniProgramAsync(
        WeChatMiniProgramLoginRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Logs in with a WeChat web OAuth code (<c>POST /v1/login/wechat/web</c>); the state travels as JSON text in
    /// the <c>state</c> query parameter and the code in <c>code</c>.
    /// </summary>
    /// <param name="state">The application, device, platform and referral channel.</param>
    /// <param name="code">The OAuth code WeChat returned.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The device's new session.</returns>
    Task<LoginResult> LoginWithWeChatWebAsync(
        WeChatWebLoginState state, string code, CancellationToken cancellationToken = default);

    /// <summary>Asks kiwi-user whether an access token is valid (<c>POST /v1/token/verify</c>).</summary>
    /// <param name="accessToken">The access token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>kiwi-user's verdict and, when valid, the token's user.</returns>
    Task<TokenVerification> VerifyTokenAsync(string accessToken, CancellationToken cancellationToken = default);

    /// <summary>Reads the PEM public key kiwi-user signs tokens with (<c>GET /v1/token/publickey</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The PKIX <c>PUBLIC KEY</c> PEM.</returns>
    Task<string> GetPublicKeyAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a new access token for a device's session (<c>POST /v1/token/refresh</c>); the refresh token and its
    /// expiry come back unchanged.
    /// </summary>
    /// <param name="request">The user, device and refresh token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens, with a new access token.</returns>
    /// <exception cref="KiwiUserForbiddenException">The session is over: unknown user or device, or an expired,
    /// replaced or logged-out refresh token.</exception>
    Task<LoginResult> RefreshAsync(RefreshTokenRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads the profile of the token's user (<c>GET /v1/user/info</c>).</summary>
    /// <param name="accessToken">The user's access token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user's profile.</returns>
    Task<KiwiUserInfo> GetUserInfoAsync(string accessToken, CancellationToken cancellationToken = default);

    /// <summary>Changes the token's user's profile (<c>PUT /v1/user/info</c>).</summary>
    /// <param name="accessToken">The user's access token.</param>
    /// <param name="request">The changes; empty display name or avatar keep the current ones.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated profile (its <see cref="KiwiUserInfo.CurrentOrganizationId"/> is empty).</returns>
    Task<KiwiUserInfo> UpdateUserInfoAsync(
        string accessToken, UpdateUserInfoRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends one device's session (<c>POST /v1/user/logout</c>); the access token stays valid until it expires.
    /// </summary>
    /// <param name="accessToken">The session's access token.</param>
    /// <param name="request">The device and its refresh token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when kiwi-user has ended the session.</returns>
    /// <exception cref="KiwiUserForbiddenException">The session was already over.</exception>
    Task LogoutAsync(string accessToken, LogoutRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists the user's requests to create an organization
    /// (<c>GET /v1/user/organization_application/infos</c>).</summary>
    /// <param name="accessToken">The user's access token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The requests, possibly none.</returns>
    Task<IReadOnlyList<OrganizationApplication>> GetOrganizationApplicationsAsync(
        string accessToken, CancellationToken cancellationToken = default);

    /// <summary>Asks to create an organization (<c>POST /v1/user/organization_application/request</c>).</summary>
    /// <param name="accessToken">The user's access token; the user needs a verified phone.</param>
    /// <param name="request">The organization.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when kiwi-user has filed the request.</returns>
    Task SubmitOrganizationApplicationAsync(
        string accessToken, OrganizationApplicationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Looks users up by id (<c>POST /internal/user/infos</c>, no authentication).</summary>
    /// <param name="userIds">The user ids.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The users found, in kiwi-user's order; unknown ids are left out.</returns>
    Task<IReadOnlyList<PublicUserInfo>> GetUsersAsync(
        IEnumerable<string> userIds, CancellationToken cancellationToken = default);

    /// <summary>Looks organizations up by id (<c>POST /internal/organization/infos</c>, no authentication).</summary>
    /// <param name="organizationIds">The organization UUIDs.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The organizations found; unknown ids are left out.</returns>
    Task<IReadOnlyList<OrganizationInfo>> GetOrganizationsAsync(
        IEnumerable<string> organizationIds, CancellationToken cancellationToken = default);

    /// <summary>Reads the logo of the token's organization (<c>GET /internal/getCurrentInfos</c>).</summary>
    /// <param name="accessToken">An access token carrying an organization.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The organization's logo URL, empty when unknown.</returns>
    Task<CurrentOrganizationInfo> GetCurrentOrganizationInfoAsync(
        string accessToken, CancellationToken cancellationToken = default);
}
