using Kiwi.User.Client.Http;
using Kiwi.User.Client.Internal;
using Kiwi.User.Client.Sessions;
using Microsoft.Extensions.DependencyInjection.Extensions;

#pragma warning disable IDE0130 // Extension methods live in the DI namespace so that they are found without a using.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers kiwi-user sessions and the handler that sends their tokens.</summary>
public static class KiwiSessionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="KiwiSessionManager"/> with the in-memory store (unless an <see cref="IKiwiSessionStore"/>
    /// is registered already) and the system clock (unless a <see cref="TimeProvider"/> is). Needs
    /// <c>AddKiwiUserClient</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes the options, such as the refresh buffer.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddKiwiSessions(
        this IServiceCollection services, Action<KiwiSessionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<KiwiSessionOptions>()
            .Validate(o => o.RefreshBuffer >= TimeSpan.Zero, "The session's RefreshBuffer must not be negative.")
            .Validate(
                o => o.RefreshBuffer < KiwiUserClientConstants.AccessTokenLifetime,
                "The session's RefreshBuffer must be shorter than kiwi-user's access token lifetime (600 s): "
                + "otherwise every call refreshes.")
            // The manager is built on first use, inside a request: a wrong buffer must stop the start instead.
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IKiwiSessionStore, InMemoryKiwiSessionStore>();
        services.TryAddSingleton<KiwiSessionManager>();
        return services;
    }

    /// <summary>
    /// Keeps sessions in the registered <c>IDistributedCache</c> (Redis, SQL Server, ...), so that every instance
    /// of a web farm serves the same sessions. Register the cache itself separately.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddKiwiSessionDistributedStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddKiwiSessions();
        services.Replace(ServiceDescriptor.Singleton<IKiwiSessionStore, DistributedCacheKiwiSessionStore>());
        return services;
    }

    /// <summary>
    /// Sends a kiwi-user session's access token with every request of this client, refreshed before it expires,
    /// and retries a request once after renewing the token when the server answers 401. The client's default
    /// loggers are replaced by one that logs no header: theirs would hand the token to any logger that stores
    /// structured values.
    /// </summary>
    /// <param name="builder">The client's builder.</param>
    /// <param name="sessionKey">The session to use; <see langword="null"/> to name it on each request with
    /// <see cref="KiwiSessionRequestOptions.SessionKey"/>.</param>
    /// <returns>The builder.</returns>
    public static IHttpClientBuilder AddKiwiSessionToken(this IHttpClientBuilder builder, string? sessionKey = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddKiwiSessions();
        builder.UseTokenSafeLogging();
        return builder.AddHttpMessageHandler(
            provider => new KiwiSessionTokenHandler(provider.GetRequiredService<KiwiSessionManager>(), sessionKey));
    }
}
