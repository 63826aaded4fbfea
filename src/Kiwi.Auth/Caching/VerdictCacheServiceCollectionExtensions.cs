using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kiwi.Auth.Caching;

/// <summary>Registers the verdict cache.</summary>
internal static class VerdictCacheServiceCollectionExtensions
{
    /// <summary>HybridCache (kept when the application registered its own), the cached verdict's JSON serializer,
    /// the cache and the coalescer. A distributed cache the application registers, such as
    /// <c>AddStackExchangeRedisCache</c>, is picked up by HybridCache with no further setting.</summary>
    public static IServiceCollection AddKiwiVerdictCache(this IServiceCollection services)
    {
        services.AddHybridCache();
        services.TryAddSingleton<IHybridCacheSerializer<CachedVerdict>, CachedVerdictSerializer>();
        services.TryAddSingleton<VerdictCache>();
        services.TryAddSingleton<ValidationCoalescer>();
        return services;
    }
}
