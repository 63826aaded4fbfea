using Kiwi.User.Client;
using Kiwi.User.Client.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // Extension methods live in the DI namespace so that they are found without a using.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers <see cref="IKiwiUserClient"/>.</summary>
public static class KiwiUserClientServiceCollectionExtensions
{
    private static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Registers <see cref="IKiwiUserClient"/> configured from the <c>KiwiUser</c> section of the application's
    /// <see cref="IConfiguration"/>.
    /// </summary>
    /// <param name="services">The services; they must hold an <see cref="IConfiguration"/>.</param>
    /// <returns>The client's builder, to add handlers to.</returns>
    public static IHttpClientBuilder AddKiwiUserClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddKiwiUserClient(
            builder => builder.BindConfiguration(KiwiUserClientOptions.SectionName));
    }

    /// <summary>Registers <see cref="IKiwiUserClient"/> configured from a configuration section.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section to bind, such as <c>configuration.GetSection("KiwiUser")</c>.</param>
    /// <returns>The client's builder, to add handlers to.</returns>
    public static IHttpClientBuilder AddKiwiUserClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddKiwiUserClient(builder => builder.Bind(configuration));
    }

    /// <summary>
    /// Registers <see cref="IKiwiUserClient"/> as a typed <see cref="HttpClient"/> configured in code, with the
    /// standard resilience handler set from <see cref="KiwiUserClientOptions"/>: two-second attempts, five seconds
    /// in all, two jittered retries of the calls that are safe to repeat, and a circuit breaker. To replace the
    /// pipeline entirely, call <c>RemoveAllResilienceHandlers()</c> on the returned builder and add your own.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options, such as <see cref="KiwiUserClientOptions.BaseUrl"/>.</param>
    /// <returns>The client's builder, to add handlers to.</returns>
    public static IHttpClientBuilder AddKiwiUserClient(
        this IServiceCollection services, Action<KiwiUserClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddKiwiUserClient(builder => builder.Configure(configure));
    }

    private static IHttpClientBuilder AddKiwiUserClient(
        this IServiceCollection services, Action<OptionsBuilder<KiwiUserClientOptions>> configure)
    {
        configure(services.AddOptions<KiwiUserClientOptions>());
        services.AddOptions<KiwiUserClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<KiwiUserClientOptions>, KiwiUserClientOptionsValidator>());

        var builder = services.AddHttpClient<IKiwiUserClient, KiwiUserClient>((provider, client) =>
        {
            var options = provider.GetRequiredService<IOptions<KiwiUserClientOptions>>().Value;
            client.BaseAddress = EnsureTrailingSlash(options.BaseUrl!);
        });

        // Session managers are singletons that keep their client: let the connections, not the handler, rotate.
        builder.UseTokenSafeLogging();
        builder.UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = PooledConnectionLifetime);
        builder.AddHttpMessageHandler(() => new ResilienceRejectionHandler());
        builder.AddStandardResilienceHandler().Configure((resilience, provider) =>
            KiwiUserResilience.Apply(resilience, provider.GetRequiredService<IOptions<KiwiUserClientOptions>>().Value));
        return builder;
    }

    internal static Uri EnsureTrailingSlash(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
}
