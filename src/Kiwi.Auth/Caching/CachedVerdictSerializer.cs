using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;

namespace Kiwi.Auth.Caching;

/// <summary>Writes cached verdicts to the distributed cache as source-generated JSON.</summary>
internal sealed class CachedVerdictSerializer : IHybridCacheSerializer<CachedVerdict>
{
    public CachedVerdict Deserialize(ReadOnlySequence<byte> source)
    {
        var reader = new Utf8JsonReader(source);
        return JsonSerializer.Deserialize(ref reader, VerdictCacheJsonContext.Default.CachedVerdict)
            ?? throw new JsonException("A cached verdict was null.");
    }

    public void Serialize(CachedVerdict value, IBufferWriter<byte> target)
    {
        using var writer = new Utf8JsonWriter(target);
        JsonSerializer.Serialize(writer, value, VerdictCacheJsonContext.Default.CachedVerdict);
    }
}
