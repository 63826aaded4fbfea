using Microsoft.Extensions.Caching.Distributed;

namespace Kiwi.User.Client.Tests.Fakes;

/// <summary>A dictionary behind IDistributedCache that keeps the entry options for the test to read.</summary>
internal sealed class FakeDistributedCache : IDistributedCache
{
    public Dictionary<string, (byte[] Value, DistributedCacheEntryOptions Options)> Entries { get; } = [];

    public byte[]? Get(string key) => Entries.TryGetValue(key, out var entry) ? entry.Value : null;

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult(Get(key));

    public void Refresh(string key)
    {
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key) => Entries.Remove(key);

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        Remove(key);
        return Task.CompletedTask;
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        Entries[key] = (value, options);

    public Task SetAsync(
        string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Set(key, value, options);
        return Task.CompletedTask;
    }
}
