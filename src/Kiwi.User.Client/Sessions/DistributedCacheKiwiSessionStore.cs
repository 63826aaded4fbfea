using System.Text.Json;
using Kiwi.User.Client.Json;
using Microsoft.Extensions.Caching.Distributed;

namespace Kiwi.User.Client.Sessions;

/// <summary>
/// An <see cref="IKiwiSessionStore"/> over <see cref="IDistributedCache"/> (Redis, SQL Server, ...), so that every
/// instance of a web farm serves the same sessions. Entries expire with their refresh token. The tokens are stored
/// as plain JSON: keep the cache private to the application, as it holds credentials. An entry that does not read
/// back as a session's tokens (truncated, corrupt, written by something else) counts as no session.
/// </summary>
/// <param name="cache">The distributed cache.</param>
/// <param name="timeProvider">The clock that says how long an entry has left.</param>
public sealed class DistributedCacheKiwiSessionStore(IDistributedCache cache, TimeProvider timeProvider)
    : IKiwiSessionStore
{
    private const string KeyPrefix = "kiwi-session:";

    /// <inheritdoc />
    public async Task<KiwiSessionTokens?> GetAsync(string sessionKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        var bytes = await cache.GetAsync(KeyPrefix + sessionKey, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, KiwiSessionJsonContext.Default.KiwiSessionTokens);
        }
        catch (JsonException)
        {
            // A truncated, corrupt or foreign entry holds no usable tokens: the session is over, not the caller's
            // call broken with a serializer error.
            return null;
        }
    }

    /// <inheritdoc />
    public Task SetAsync(string sessionKey, KiwiSessionTokens tokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        ArgumentNullException.ThrowIfNull(tokens);

        // Relative to our clock, so that a cache with its own clock agrees on what is left.
        var left = tokens.RefreshTokenExpiresAt - timeProvider.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            return cache.RemoveAsync(KeyPrefix + sessionKey, cancellationToken);
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(tokens, KiwiSessionJsonContext.Default.KiwiSessionTokens);
        var entry = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = left };
        return cache.SetAsync(KeyPrefix + sessionKey, bytes, entry, cancellationToken);
    }

    /// <inheritdoc />
    public Task RemoveAsync(string sessionKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionKey);
        return cache.RemoveAsync(KeyPrefix + sessionKey, cancellationToken);
    }
}
