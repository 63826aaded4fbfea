using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;

namespace Kiwi.Auth.Tests.Caching;

/// <summary>An in-memory distributed cache that several service providers share, standing in for Redis in unit
/// tests; it can be broken (throws) or stalled (never answers). Its own type, so HybridCache treats it as an L2.
/// </summary>
internal sealed class SharedDistributedCache : IDistributedCache
{
    private readonly MemoryDistributedCache _inner = new(
        Microsoft.Extensions.Options.Options.Create(new MemoryDistributedCacheOptions()));

    public bool Broken { get; set; }

    public bool Stalled { get; set; }

    public int Reads { get; private set; }

    public byte[]? Get(string key) => Check() ?? _inner.Get(key);

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        await FaultAsync(token);
        Reads++;
        return await _inner.GetAsync(key, token);
    }

    public void Refresh(string key) => _inner.Refresh(key);

    public Task RefreshAsync(string key, CancellationToken token = default) => _inner.RefreshAsync(key, token);

    public void Remove(string key) => _inner.Remove(key);

    public Task RemoveAsync(string key, CancellationToken token = default) => _inner.RemoveAsync(key, token);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        Check();
        _inner.Set(key, value, options);
    }

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options,
        CancellationToken token = default)
    {
        await FaultAsync(token);
        await _inner.SetAsync(key, value, options, token);
    }

    private byte[]? Check() => Broken ? throw new InvalidOperationException("The cache is down.") : null;

    private async Task FaultAsync(CancellationToken token)
    {
        Check();
        if (Stalled)
        {
            await Task.Delay(Timeout.Infinite, token);
        }
    }
}
