using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiwi.Auth.Tests.Options;

/// <summary>
/// appsettings.json edited at runtime into invalid KiwiAuth values: the scheme keeps its last valid options and
/// logs the refusal once, a later valid edit applies, and invalid values at startup still stop the start.
/// </summary>
public sealed class OptionsReloadTests
{
    private static readonly (string, string?) BadTimeout = ("KiwiAuth:Timeout", "-00:00:01");

    public static TheoryData<string, string?, string?, string?, string> InvalidReloads() => new()
    {
        { "KiwiAuth:Timeout", "-00:00:01", null, null, "KiwiAuth:Timeout" },
        { "KiwiAuth:Timeout", "banana", null, null, "KiwiAuth:Timeout" },
        { "KiwiAuth:Mode", "Lokal", null, null, "KiwiAuth:Mode" },
        { "KiwiAuth:BaseUrl", null, null, null, "KiwiAuth:BaseUrl" },
        { "KiwiAuth:Mode", "Local", "KiwiAuth:PublicKeyPem", "not a key", "KiwiAuth:PublicKeyPem" },
        { "KiwiAuth:Mode", "Local", "KiwiAuth:BaseUrl", null, "KiwiAuth:BaseUrl" },
        { "KiwiAuth:LocalBypass:Enabled", "true", null, null, "KiwiAuth:LocalBypass:Enabled" },
        { "KiwiAuth:TokenSources:QueryStringPaths:0", "hubs", null, null, "KiwiAuth:TokenSources:QueryStringPaths" },
    };

    [Theory]
    [MemberData(nameof(InvalidReloads))]
    public void An_invalid_reload_keeps_the_last_valid_options_and_logs_what_is_wrong(
        string key, string? value, string? otherKey, string? otherValue, string named)
    {
        using var harness = new OptionsReloadHarness();
        var valid = harness.Get();

        harness.Reload((key, value), (otherKey ?? key, otherKey is null ? value : otherValue));

        Assert.Same(valid, harness.Get());
        var refusal = Assert.Single(harness.Refusals);
        Assert.Equal(LogLevel.Error, refusal.Level);
        Assert.Contains(named, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_refusal_is_logged_once_per_bad_reload_naming_the_scheme()
    {
        using var harness = new OptionsReloadHarness();
        harness.Get();

        harness.Reload(BadTimeout);
        for (var i = 0; i < 5; i++)
        {
            harness.Get();
        }

        var refusal = Assert.Single(harness.Refusals);
        Assert.Equal(OptionsReloadHarness.Scheme, refusal.StructuredState!
            .Single(p => p.Key == "Scheme").Value);
        Assert.Contains("-00:00:01", refusal.Message, StringComparison.Ordinal);

        harness.Reload(("KiwiAuth:Retries", "11"));
        harness.Get();

        Assert.Equal(2, harness.Refusals.Count);
    }

    [Fact]
    public void A_valid_reload_after_an_invalid_one_applies_and_reaches_the_change_listeners()
    {
        using var harness = new OptionsReloadHarness();
        harness.Get();
        var changes = new List<(TimeSpan Timeout, string? Name)>();
        using var listener = harness.Monitor.OnChange((options, name) => changes.Add((options.Timeout, name)));

        harness.Reload(BadTimeout);
        harness.Reload(("KiwiAuth:Timeout", "00:00:04"));

        Assert.Equal(TimeSpan.FromSeconds(4), harness.Get().Timeout);
        Assert.Equal([(TimeSpan.FromSeconds(4), OptionsReloadHarness.Scheme)], changes);
        Assert.Single(harness.Refusals);
        Assert.Single(harness.Logs.GetSnapshot(), r => r.Id.Name == "KiwiAuthOptionsReloadAccepted");
    }

    [Fact]
    public void A_reload_into_invalid_options_does_not_throw_into_the_configuration()
    {
        using var harness = new OptionsReloadHarness();
        harness.Get();
        harness.Settings.Change("KiwiAuth:Timeout", "-00:00:01");

        var failure = Record.Exception(harness.Settings.Reload);

        Assert.Null(failure);
        Assert.Equal(TimeSpan.FromSeconds(3), harness.Get().Timeout);
    }

    [Fact]
    public void A_listener_removed_hears_no_more_changes()
    {
        using var harness = new OptionsReloadHarness();
        harness.Get();
        var heard = 0;
        var listener = harness.Monitor.OnChange((_, _) => heard++);

        harness.Reload(("KiwiAuth:Timeout", "00:00:04"));
        listener!.Dispose();
        harness.Reload(("KiwiAuth:Timeout", "00:00:05"));

        Assert.Equal(1, heard);
        Assert.Equal(TimeSpan.FromSeconds(5), harness.Get().Timeout);
    }

    [Fact]
    public void Options_dropped_from_the_cache_while_the_settings_are_invalid_fall_back_to_the_last_valid()
    {
        using var harness = new OptionsReloadHarness();
        var valid = harness.Get();
        harness.Settings.Change("KiwiAuth:Timeout", "-00:00:01");

        harness.Services.GetRequiredService<IOptionsMonitorCache<KiwiAuthOptions>>()
            .TryRemove(OptionsReloadHarness.Scheme);

        Assert.Same(valid, harness.Get());
        Assert.Same(valid, harness.Get());
        Assert.Single(harness.Refusals);
    }

    [Fact]
    public void Invalid_options_at_the_first_get_still_throw()
    {
        var settings = OptionsReloadHarness.ValidSettings();
        settings["KiwiAuth:Timeout"] = "-00:00:01";
        using var harness = new OptionsReloadHarness(settings);

        var failure = Assert.Throws<OptionsValidationException>(harness.Get);

        Assert.Contains("KiwiAuth:Timeout", failure.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Refusals);
    }

    [Fact]
    public void Invalid_options_still_fail_the_startup_validation()
    {
        var settings = OptionsReloadHarness.ValidSettings();
        settings.Remove("KiwiAuth:BaseUrl");
        using var harness = new OptionsReloadHarness(settings);

        var failure = Assert.Throws<OptionsValidationException>(
            harness.Services.GetRequiredService<IStartupValidator>().Validate);

        Assert.Contains("KiwiAuth:BaseUrl", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_invalid_from_the_start_apply_once_a_reload_fixes_them()
    {
        var settings = OptionsReloadHarness.ValidSettings();
        settings["KiwiAuth:Timeout"] = "-00:00:01";
        using var harness = new OptionsReloadHarness(settings);
        Assert.Throws<OptionsValidationException>(harness.Get);

        harness.Reload(("KiwiAuth:Timeout", "00:00:04"));

        Assert.Equal(TimeSpan.FromSeconds(4), harness.Get().Timeout);
    }
}
