namespace Kiwi.User.Client.Sessions;

/// <summary>
/// Where sessions' tokens live between calls. The default keeps them in memory; use
/// <see cref="DistributedCacheKiwiSessionStore"/> when several instances serve the same sessions. The tokens are
/// credentials: a store must keep them where only the application can read them.
/// </summary>
public interface IKiwiSessionStore
{
    /// <summary>Reads a session's tokens.</summary>
    /// <param name="sessionKey">The session's key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tokens, or <see langword="null"/> when the store has none for the key.</returns>
    Task<KiwiSessionTokens?> GetAsync(string sessionKey, CancellationToken cancellationToken = default);

    /// <summary>Stores a session's tokens, replacing any earlier ones.</summary>
    /// <param name="sessionKey">The session's key.</param>
    /// <param name="tokens">The tokens.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the tokens are stored.</returns>
    Task SetAsync(string sessionKey, KiwiSessionTokens tokens, CancellationToken cancellationToken = default);

    /// <summary>Forgets a session.</summary>
    /// <param name="sessionKey">The session's key.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>A task that completes when the session is gone.</returns>
    Task RemoveAsync(string sessionKey, CancellationToken cancellationToken = default);
}
