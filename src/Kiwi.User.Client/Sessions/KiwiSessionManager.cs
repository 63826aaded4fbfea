using System.Collections.Concurrent;
using Kiwi.User.Client.Internal;
using Kiwi.User.Client.Models;
using Kiwi.User.Client.Models.Requests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kiwi.User.Client.Sessions;

/// <summary>
/// Keeps kiwi-user sessions, each under a key of the caller's choosing (a user's cookie session id in a
/// backend-for-frontend, a fixed name in a worker): hands out access tokens, refreshes them
/// <see cref="KiwiSessionOptions.RefreshBuffer"/> before they expire, with one refresh per session however many
/// callers ask at once, and ends sessions that kiwi-user refuses to refresh. Register one per application
/// (<c>AddKiwiSessions()</c>).
/// </summary>
public sealed class KiwiSessionManager
{
    private readonly ConcurrentDictionary<string, Task<KiwiSessionTokens>> refreshes = new(StringComparer.Ordinal);
    private readonly IKiwiUserClient client;
    private readonly IKiwiSessionStore store;
    private readonly KiwiSessionOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;

    /// <summary>Creates a manager.</summary>
    /// <param name="client">The kiwi-user client that refreshes and logs out.</param>
    /// <param name="store">Where the sessions' tokens live.</param>
    /// <param name="options">The refresh buffer.</param>
    /// <param name="timeProvider">The clock that says when a token is due.</param>
    /// <param name="logger">Where refreshes and ends are logged; none when <see langword="null"/>.</param>
    public KiwiSessionManager(
        IKiwiUserClient client,
        IKiwiSessionStore store,
        IOptions<KiwiSessionOptions> options,
        TimeProvider timeProvider,
        ILogger<KiwiSessionManager>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);

        this.client = client;
        this.store = store;
        this.options = options.Value;
        this.timeProvider = timeProvider;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>
    /// Raised once when a session ends: refused refresh, expired refresh token or logout. Handlers run on the
    /// thread that noticed the end and must not throw.
    /// </summary>
    public event EventHandler<KiwiSessionEndedEventArgs>? SessionEnded;

    /// <summary>Stores a login's tokens under <paramref name="sessionKey"/>, replacing any earlier session.</summary>
    /// <param name="sessionKey">The session's key.</param>
    /// <param name="login">The answer of a login (or an organization login).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The session.</returns>
    public async Task<KiwiSession> StartAsync(
        string sessionKey, LoginResult login, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionKey);
        ArgumentNullException.ThrowIfNull(login);

        await store.SetAsync(sessionKey, KiwiSessionTokens.FromLogin(login), cancellationToken).ConfigureAwait(false);
        return new KiwiSession(this, sessionKey);
    }

    /// <summary>Gets the session stored under a key; its calls throw <see cref="KiwiSessionEndedException"/> when
    /// there is none.</summary>
    /// <param name="sessionKey">The session's key.</param>
    /// <returns>The session.</returns>
    public KiwiSession GetSession(string sessionKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionKey);
        return new KiwiSession(this, sessionKey);
    }

    internal async Task<KiwiSessionTokens> GetTokensAsync(string sessionKey, CancellationToken cancellationToken) =>
        await store.GetAsync(sessionKey, cancellationToken).ConfigureAwait(false)
        ?? throw new KiwiSessionEndedException(sessionKey, KiwiSessionEndReason.NotFound);

    internal async Task<string> GetAccessTokenAsync(string sessionKey, CancellationToken cancellationToken)
    {
        var tokens = await GetTokensAsync(sessionKey, cancellationToken).ConfigureAwait(false);
        if (IsFresh(tokens))
        {
            return tokens.AccessToken;
        }

        try
        {
            var renewed = await RefreshSharedAsync(sessionKey, tokens.AccessToken, cancellationToken)
                .ConfigureAwait(false);
            return renewed.AccessToken;
        }
        catch (KiwiUserUnavailableException exception) when (timeProvider.GetUtcNow() < tokens.AccessTokenExpiresAt)
        {
            // Inside the buffer the old token still works: an outage of kiwi-user must not fail the call yet.
            logger.SessionRefreshUnavailable(tokens.UserId, exception.Message);
            return tokens.AccessToken;
        }
    }

    internal async Task<string> RenewAccessTokenAsync(
        string sessionKey, string rejectedAccessToken, CancellationToken cancellationToken)
    {
        var renewed = await RefreshSharedAsync(sessionKey, rejectedAccessToken, cancellationToken)
            .ConfigureAwait(false);
        return renewed.AccessToken;
    }

    internal async Task SwitchOrganizationAsync(
        string sessionKey, string organizationId, CancellationToken cancellationToken)
    {
        var tokens = await GetTokensAsync(sessionKey, cancellationToken).ConfigureAwait(false);
        var request = new OrganizationLoginRequest(organizationId, tokens.UserId, tokens.RefreshToken, tokens.Device);
        var result = await client.LoginToOrganizationAsync(request, cancellationToken).ConfigureAwait(false);
        await store.SetAsync(sessionKey, KiwiSessionTokens.FromLogin(result), cancellationToken).ConfigureAwait(false);
    }

    internal async Task LogoutAsync(string sessionKey, CancellationToken cancellationToken)
    {
        var tokens = await GetTokensAsync(sessionKey, cancellationToken).ConfigureAwait(false);
        try
        {
            var accessToken = await GetAccessTokenAsync(sessionKey, cancellationToken).ConfigureAwait(false);
            var request = new LogoutRequest(tokens.RefreshToken, tokens.Device);
            await client.LogoutAsync(accessToken, request, cancellationToken).ConfigureAwait(false);
        }
        catch (KiwiSessionEndedException)
        {
            // Already over, and already announced.
            return;
        }
        catch (KiwiUserForbiddenException)
        {
            // kiwi-user already considers the refresh token dead: the logout's goal is reached.
        }
        catch (KiwiUserException exception)
        {
            // Unreachable, or the logout refused (a 401 for an access token kiwi-user no longer takes): forget the
            // session here anyway (fail closed); the caller learns that kiwi-user did not end it.
            logger.SessionLogoutUnavailable(tokens.UserId, exception.Message);
            await EndAsync(sessionKey, tokens, KiwiSessionEndReason.LoggedOut).ConfigureAwait(false);
            throw;
        }

        await EndAsync(sessionKey, tokens, KiwiSessionEndReason.LoggedOut).ConfigureAwait(false);
    }

    private bool IsFresh(KiwiSessionTokens tokens) =>
        timeProvider.GetUtcNow() < tokens.AccessTokenExpiresAt - options.RefreshBuffer;

    private Task<KiwiSessionTokens> RefreshSharedAsync(
        string sessionKey, string staleAccessToken, CancellationToken cancellationToken)
    {
        // One refresh per session: the first caller starts it, the others wait for it. The refresh itself is not
        // cancelled when a caller gives up, since others may be waiting for it.
        var mine = new TaskCompletionSource<KiwiSessionTokens>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shared = refreshes.GetOrAdd(sessionKey, mine.Task);
        if (shared == mine.Task)
        {
            // Observed here too, so that a failed refresh every caller gave up on raises no unobserved exception.
            _ = mine.Task.ContinueWith(
                static task => _ = task.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            _ = RunRefreshAsync(sessionKey, staleAccessToken, mine);
        }

        return shared.WaitAsync(cancellationToken);
    }

    private async Task RunRefreshAsync(
        string sessionKey, string staleAccessToken, TaskCompletionSource<KiwiSessionTokens> completion)
    {
        try
        {
            var tokens = await RefreshAsync(sessionKey, staleAccessToken).ConfigureAwait(false);
            refreshes.TryRemove(new KeyValuePair<string, Task<KiwiSessionTokens>>(sessionKey, completion.Task));
            completion.SetResult(tokens);
        }
        catch (Exception exception)
        {
            refreshes.TryRemove(new KeyValuePair<string, Task<KiwiSessionTokens>>(sessionKey, completion.Task));
            completion.SetException(exception);
        }
    }

    private async Task<KiwiSessionTokens> RefreshAsync(string sessionKey, string staleAccessToken)
    {
        var tokens = await GetTokensAsync(sessionKey, CancellationToken.None).ConfigureAwait(false);
        if (tokens.AccessToken != staleAccessToken && IsFresh(tokens))
        {
            // Another caller (or another instance sharing the store) refreshed already.
            return tokens;
        }

        if (timeProvider.GetUtcNow() >= tokens.RefreshTokenExpiresAt)
        {
            await EndAsync(sessionKey, tokens, KiwiSessionEndReason.RefreshTokenExpired).ConfigureAwait(false);
            throw new KiwiSessionEndedException(sessionKey, KiwiSessionEndReason.RefreshTokenExpired);
        }

        var renewed = await CallRefreshAsync(sessionKey, tokens).ConfigureAwait(false);
        return await StoreUnlessReplacedAsync(sessionKey, tokens, renewed).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores a refresh's tokens, unless a logout ended the session or a new login replaced it while kiwi-user
    /// answered: storing then would bring the old login back under the key. The store has no compare-and-set, so
    /// this narrows the window to a read and a write.
    /// </summary>
    private async Task<KiwiSessionTokens> StoreUnlessReplacedAsync(
        string sessionKey, KiwiSessionTokens refreshed, KiwiSessionTokens renewed)
    {
        var current = await store.GetAsync(sessionKey, CancellationToken.None).ConfigureAwait(false)
            ?? throw new KiwiSessionEndedException(sessionKey, KiwiSessionEndReason.NotFound);
        if (current.RefreshToken != refreshed.RefreshToken)
        {
            return current;
        }

        await store.SetAsync(sessionKey, renewed, CancellationToken.None).ConfigureAwait(false);
        logger.SessionRefreshed(renewed.UserId, renewed.AccessTokenExpiresAt);
        return renewed;
    }

    private async Task<KiwiSessionTokens> CallRefreshAsync(string sessionKey, KiwiSessionTokens tokens)
    {
        try
        {
            var request = new RefreshTokenRequest(tokens.UserId, tokens.RefreshToken, tokens.Device);
            var result = await client.RefreshAsync(request, CancellationToken.None).ConfigureAwait(false);
            return KiwiSessionTokens.FromLogin(result);
        }
        catch (KiwiUserForbiddenException exception)
        {
            await EndAsync(sessionKey, tokens, KiwiSessionEndReason.RefreshRefused).ConfigureAwait(false);
            throw new KiwiSessionEndedException(sessionKey, KiwiSessionEndReason.RefreshRefused, exception);
        }
    }

    /// <summary>
    /// Forgets the session and announces its end, unless a logout already ended it or a new login replaced it
    /// meanwhile (a refresh refused because of that logout must neither announce a second end nor remove the new
    /// login). As in <see cref="StoreUnlessReplacedAsync"/>, the store has no compare-and-set.
    /// </summary>
    private async Task EndAsync(string sessionKey, KiwiSessionTokens tokens, KiwiSessionEndReason reason)
    {
        var current = await store.GetAsync(sessionKey, CancellationToken.None).ConfigureAwait(false);
        if (current is null || current.RefreshToken != tokens.RefreshToken)
        {
            return;
        }

        await store.RemoveAsync(sessionKey, CancellationToken.None).ConfigureAwait(false);
        logger.SessionEnded(tokens.UserId, reason.ToString());
        SessionEnded?.Invoke(this, new KiwiSessionEndedEventArgs(sessionKey, tokens.UserId, reason));
    }
}
