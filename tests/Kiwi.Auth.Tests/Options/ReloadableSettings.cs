using Microsoft.Extensions.Configuration;

namespace Kiwi.Auth.Tests.Options;

/// <summary>
/// A configuration source whose values a test changes and then reloads in-process, as a file provider with
/// <c>reloadOnChange</c> does when appsettings.json is edited, but without a file watcher to wait for.
/// </summary>
public sealed class ReloadableSettings(IDictionary<string, string?> initial)
    : ConfigurationProvider, IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public override void Load() => Data = new Dictionary<string, string?>(initial, StringComparer.OrdinalIgnoreCase);

    /// <summary>Sets <paramref name="key"/> (or removes it when <paramref name="value"/> is null) without telling
    /// anyone: the change is seen only by whoever reads the configuration next.</summary>
    public void Change(string key, string? value)
    {
        if (value is null)
        {
            Data.Remove(key);
            return;
        }

        Data[key] = value;
    }

    /// <summary>Tells the configuration's listeners that the values changed, as a file reload does.</summary>
    public void Reload() => OnReload();
}
