using Kiwi.User.Client;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // Extension methods live in the DI namespace so that they are found without a using.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers <see cref="IKiwiUserClient"/>.</summary>
public static class KiwiUserClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IKiwiUserClient"/> as a typed <see cref="HttpClient"/> configured by
    /// <see cref="KiwiUserClientOptions"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options, such as <see cref="KiwiUserClientOptions.BaseUrl"/>.</param>
    /// <returns>The client's builder, to add handlers to.</returns>
    public static IHttpClientBuilder AddKiwiUserClient(
        this IServiceCollection services, Action<KiwiUserClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<KiwiUserClientOptions>()
            .Configure(configure)
            .Validate(o => o.BaseUrl is { IsAbsoluteUri: true }, "KiwiUser:BaseUrl must be an absolute URL.")
            .ValidateOnStart();

        return services.AddHttpClient<IKiwiUserClient, KiwiUserClient>((provider, client) =>
        {
            var options = provider.GetRequiredService<IOptions<KiwiUserClientOptions>>().Value;
            client.BaseAddress = EnsureTrailingSlash(options.BaseUrl!);
        });
    }

    internal static Uri EnsureTrailingSlash(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
}
