using System.Security.Cryptography;
using Kiwi.Auth.Tests.Fixtures;
using Kiwi.Auth.Validation.Local;
using Microsoft.Extensions.DependencyInjection;

namespace Kiwi.Auth.Tests.Options;

/// <summary>
/// Local mode with a configured key: a reload that replaces <c>KiwiAuth:PublicKeyPem</c> replaces the key tokens
/// are checked with, so that a key taken out of service stops being trusted without a restart. A reload that changes
/// where the key comes from is logged and keeps the key until a restart.
/// </summary>
public sealed class PublicKeyReloadTests
{
    [Fact]
    public void A_reload_of_the_configured_public_key_replaces_the_key_local_mode_checks_tokens_with()
    {
        using var harness = new OptionsReloadHarness(LocalSettings());
        var store = harness.Services.GetRequiredService<KiwiPublicKeyStore>();
        var fixtureKey = store.Current!;
        using var rotated = RSA.Create(2048);

        harness.Reload(("KiwiAuth:PublicKeyPem", rotated.ExportSubjectPublicKeyInfoPem()));

        Assert.NotNull(store.Current);
        Assert.False(store.Current.IsSameKeyAs(fixtureKey), "the store still trusts the key the reload replaced");
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Id.Name == "PublicKeyLoaded"
            && r.Message.Contains(fixtureKey.Fingerprint, StringComparison.Ordinal));
    }

    [Fact]
    public void A_reload_that_keeps_the_same_key_changes_nothing()
    {
        using var harness = new OptionsReloadHarness(LocalSettings());
        var store = harness.Services.GetRequiredService<KiwiPublicKeyStore>();
        var before = store.Current;

        harness.Reload(("KiwiAuth:ClockSkew", "00:00:10"));

        Assert.Same(before, store.Current);
        Assert.Single(harness.Logs.GetSnapshot(), r => r.Id.Name == "PublicKeyLoaded");
    }

    [Fact]
    public void A_reload_that_changes_where_the_key_comes_from_keeps_the_key_and_says_a_restart_is_needed()
    {
        using var harness = new OptionsReloadHarness(LocalSettings());
        var store = harness.Services.GetRequiredService<KiwiPublicKeyStore>();
        var before = store.Current;

        harness.Reload(("KiwiAuth:PublicKeyPem", null));

        Assert.Same(before, store.Current);
        Assert.Single(harness.Logs.GetSnapshot(), r => r.Id.Name == "PublicKeySourceChangeNeedsRestart");
    }

    private static Dictionary<string, string?> LocalSettings()
    {
        var settings = OptionsReloadHarness.ValidSettings();
        settings["KiwiAuth:Mode"] = "Local";
        settings["KiwiAuth:PublicKeyPem"] = FixtureTokens.PublicKeyPem;
        return settings;
    }
}
