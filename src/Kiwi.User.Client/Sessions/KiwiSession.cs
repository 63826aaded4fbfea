namespace Kiwi.User.Client.Sessions;

/// <summary>
/// One kiwi-user session: a device's tokens, kept in the <see cref="IKiwiSessionStore"/> under
/// <see cref="Key"/>. A light handle; get it from <see cref="KiwiSessionManager"/>. Every call throws
/// <see cref="KiwiSessionEndedException"/> once the session is over.
/// </summary>
public sealed class KiwiSession
{
    private readonly KiwiSessionManager manager;

    internal KiwiSession(KiwiSessionManager manager, string key)
    {
        this.manager = manager;
        Key = key;
    }

    /// <summary>The session's key in the store.</summary>
    public string Key { get; }

    /// <summary>
    /// Returns an access token that is valid for at least the refresh buffer, refreshing it first when it is due.
    /// When kiwi-user cannot be reached but the current token has not expired yet, that token is returned.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; a refresh other callers share goes on.</param>
    /// <returns>The access token.</returns>
    /// <exception cref="KiwiSessionEndedException">The session is over.</exception>
    /// <exception cref="KiwiUserUnavailableException">The token expired and kiwi-user could not refresh it.
    /// </exception>
    public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken = default) =>
        manager.GetAccessTokenAsync(Key, cancellationToken);

    /// <summary>
    /// Replaces an access token that a server rejected (401) although it looked valid, unless another caller has
    /// replaced it already.
    /// </summary>
    /// <param name="rejectedAccessToken">The token that was rejected.</param>
    /// <param name="cancellationToken">Stops waiting; a refresh other callers share goes on.</param>
    /// <returns>The new access token.</returns>
    /// <exception cref="KiwiSessionEndedException">kiwi-user refused the refresh, so the session is over.</exception>
    public Task<string> RenewAccessTokenAsync(string rejectedAccessToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejectedAccessToken);
        return manager.RenewAccessTokenAsync(Key, rejectedAccessToken, cancellationToken);
    }

    /// <summary>Reads the session's current tokens, without refreshing them.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stored tokens.</returns>
    /// <exception cref="KiwiSessionEndedException">The session is over.</exception>
    public Task<KiwiSessionTokens> GetTokensAsync(CancellationToken cancellationToken = default) =>
        manager.GetTokensAsync(Key, cancellationToken);

    /// <summary>
    /// Moves the session into an organization (<c>/v1/login/organization</c>): its access tokens carry the
    /// organization from now on, refreshes included; the refresh token stays the same.
    /// </summary>
    /// <param name="organizationId">The organization's UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the new access token is stored.</returns>
    /// <exception cref="KiwiUserForbiddenException">The user is not a member (the session goes on as it was), or
    /// the session is over at kiwi-user.</exception>
    public Task SwitchOrganizationAsync(string organizationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(organizationId);
        return manager.SwitchOrganizationAsync(Key, organizationId, cancellationToken);
    }

    /// <summary>
    /// Logs the device out at kiwi-user (<c>/v1/user/logout</c>) and forgets the session. The session is forgotten
    /// even when kiwi-user cannot be reached or refuses the call (a 401); the <see cref="KiwiUserException"/> then
    /// tells that its refresh token may still be alive there until it expires.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the session is gone.</returns>
    public Task LogoutAsync(CancellationToken cancellationToken = default) =>
        manager.LogoutAsync(Key, cancellationToken);
}
