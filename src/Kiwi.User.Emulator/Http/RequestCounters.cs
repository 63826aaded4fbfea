using System.Collections.Concurrent;

namespace Kiwi.User.Emulator.Http;

/// <summary>How many requests each path received (every request, faulted or not).</summary>
internal sealed class RequestCounters
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Count(string path) => _counts.AddOrUpdate(path, 1, static (_, count) => count + 1);

    public int Get(string path) => _counts.TryGetValue(path, out var count) ? count : 0;

    public IReadOnlyDictionary<string, int> Snapshot() =>
        new SortedDictionary<string, int>(_counts, StringComparer.Ordinal);

    public void Reset() => _counts.Clear();
}
