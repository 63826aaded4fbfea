using Kiwi.Auth;
using Kiwi.Auth.Authorization;
using Kiwi.Auth.Caching;
using Kiwi.Auth.Configuration;
using Kiwi.Auth.Resilience;
using Kiwi.Auth.Telemetry;
using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;
using Kiwi.Auth.Validation.Local;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // Extension methods live in the DI namespace so that they are found without a using.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers Kiwi.Auth.</summary>
public static class KiwiAuthServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>Kiwi</c> authentication scheme as the default, configured from the <c>KiwiAuth</c>
    /// configuration section.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The authentication builder, to add more schemes.</returns>
    public static AuthenticationBuilder AddKiwiAuth(this IServiceCollection services) =>
        services.AddKiwiAuth(static _ => { });

    /// <summary>
    /// Registers the <c>Kiwi</c> authentication scheme as the default, configured from the <c>KiwiAuth</c>
    /// configuration section and then by <paramref name="configure"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes the options after the configuration is bound.</param>
    /// <returns>The authentication builder, to add more schemes.</returns>
    public static AuthenticationBuilder AddKiwiAuth(this IServiceCollection services, Action<KiwiAuthOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        var builder = services.AddAuthentication(KiwiAuthDefaults.AuthenticationScheme);
        return builder.AddKiwiAuth(KiwiAuthDefaults.AuthenticationScheme, configure);
    }

    /// <summary>
    /// Adds the Kiwi scheme under <paramref name="scheme"/> to an authentication builder, without making it the
    /// default, so that it can sit beside other schemes.
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="scheme">The scheme's name.</param>
    /// <param name="configure">Changes the options after the <c>KiwiAuth</c> section is bound.</param>
    /// <returns>The authentication builder.</returns>
    public static AuthenticationBuilder AddKiwiAuth(
        this AuthenticationBuilder builder, string scheme, Action<KiwiAuthOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(scheme);

        var services = builder.Services;
        services.AddOptions<KiwiAuthOptions>(scheme)
            .BindConfiguration(KiwiAuthDefaults.SectionName)
            .Configure(configure)
            .ValidateOnStart();

        AddCoreServices(services, scheme);
        KiwiSchemeAlias.Add(services, scheme);
        return builder.AddScheme<KiwiAuthOptions, KiwiAuthHandler>(scheme, displayName: "kiwi-user", null);
    }

    private static void AddCoreServices(IServiceCollection services, string scheme)
    {
        services.TryAddSingleton(TimeProvider.System);

        // RequireUser, RequireScope and [Authorize] need authorization; one line of setup should be enough.
        services.AddAuthorization();

        // Keeps the last valid options when appsettings.json is edited into invalid ones at runtime.
        services.TryAddSingleton<IOptionsMonitor<KiwiAuthOptions>, KiwiAuthOptionsMonitor>();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<KiwiAuthOptions>, KiwiAuthOptionsValidator>());
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<KiwiAuthOptions>, TokenSourceOptionsValidator>());
        services.TryAddSingleton<QuietFailureLoggerFactory>();
        services.TryAddSingleton<TokenVerdictService>();
        services.AddKiwiVerdictCache();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, KiwiAuthorizationResultHandler>();
        services.TryAddKeyedSingleton<ITokenValidator, RemoteTokenValidator>(KiwiAuthMode.Remote);
        services.AddKiwiLocalValidation(scheme);
        services.AddHostedService(
            provider => ActivatorUtilities.CreateInstance<KiwiAuthStartupReport>(provider, scheme));

        KiwiAuthHttpClient.Add(services, scheme);
        services.AddKiwiAuthTelemetry();
    }
}
