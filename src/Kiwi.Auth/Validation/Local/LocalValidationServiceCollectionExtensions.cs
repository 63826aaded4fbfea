using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kiwi.Auth.Validation.Local;

/// <summary>Registers local validation: the validator keyed by <see cref="KiwiAuthMode.Local"/>, the key store,
/// its background refresh and the checks of its settings.</summary>
internal static class LocalValidationServiceCollectionExtensions
{
    /// <summary>Adds local validation for <paramref name="scheme"/>. Like the rest of Kiwi.Auth's core services,
    /// the first scheme registered wins.</summary>
    public static IServiceCollection AddKiwiLocalValidation(this IServiceCollection services, string scheme)
    {
        services.TryAddSingleton(provider => ActivatorUtilities.CreateInstance<KiwiPublicKeyStore>(provider, scheme));
        services.TryAddKeyedSingleton<ITokenValidator, LocalTokenValidator>(KiwiAuthMode.Local);
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<KiwiAuthOptions>, LocalModeOptionsValidator>());
        services.AddHostedService<KiwiPublicKeyRefreshService>();
        return services;
    }
}
