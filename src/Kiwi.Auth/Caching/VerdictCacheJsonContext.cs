using System.Text.Json.Serialization;

namespace Kiwi.Auth.Caching;

/// <summary>Source-generated JSON for the cached verdict, so the distributed cache needs no reflection.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CachedVerdict))]
internal sealed partial class VerdictCacheJsonContext : JsonSerializerContext;
