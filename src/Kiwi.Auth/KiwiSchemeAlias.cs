using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kiwi.Auth;

/// <summary>
/// <c>RequireUser</c>, <c>RequireScope</c> and <c>RequireOrganization</c> name the scheme <c>Kiwi</c>. When an app
/// registers Kiwi.Auth only under another name, no scheme of that name exists and every such request would fail
/// with a 500; this adds <c>Kiwi</c> as an alias that forwards everything to the first Kiwi scheme registered.
/// </summary>
/// <remarks>Decided once every registration is in (a post-configure of the authentication options), so that a
/// later <c>AddKiwiAuth()</c> under the default name is never shadowed and never collides with the alias.</remarks>
internal static class KiwiSchemeAlias
{
    public static void Add(IServiceCollection services, string scheme)
    {
        if (string.Equals(scheme, KiwiAuthDefaults.AuthenticationScheme, StringComparison.Ordinal)
            || services.Any(d => d.ServiceType == typeof(AliasTarget)))
        {
            return;
        }

        services.TryAddSingleton(new AliasTarget(scheme));
        services.TryAddTransient<PolicySchemeHandler>();
        services.Configure<PolicySchemeOptions>(KiwiAuthDefaults.AuthenticationScheme, o => o.ForwardDefault = scheme);
        services.PostConfigure<AuthenticationOptions>(options =>
        {
            if (!options.SchemeMap.ContainsKey(KiwiAuthDefaults.AuthenticationScheme))
            {
                options.AddScheme(KiwiAuthDefaults.AuthenticationScheme, b =>
                {
                    b.HandlerType = typeof(PolicySchemeHandler);
                    b.DisplayName = "kiwi-user";
                });
            }
        });
    }

    /// <summary>The scheme the alias forwards to: the first one registered under another name.</summary>
    private sealed record AliasTarget(string Scheme);
}
