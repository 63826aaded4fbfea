using System.Collections.Concurrent;

namespace Kiwi.User.Client.Sessions;

/// <summary>The default <see cref="IKiwiSessionStore"/>: a dictionary in this process, lost on restart.</summary>
public sealed class InMemoryKiwiSessionStore : IKiwiSessionStore
{
    private readonly ConcurrentDictionary<string, KiwiSessionTokens> sessions = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<KiwiSessionTokens?> GetAsync(string sessionKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(sessions.TryGetValue(sessionKey, out var tokens) ? tokens : null);
    }

    /// <inheritdoc />
    public Task SetAsync(string sessionKey, KiwiSessionTokens tokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        ArgumentNullException.ThrowIfNull(tokens);
        cancellationToken.ThrowIfCancellationRequested();
        sessions[sessionKey] = tokens;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RemoveAsync(string sessionKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        cancellationToken.ThrowIfCancellationRequested();
        sessions.TryRemove(sessionKey, out _);
        return Task.CompletedTask;
    }
}
