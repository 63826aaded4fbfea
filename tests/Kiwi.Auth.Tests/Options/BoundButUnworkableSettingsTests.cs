using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kiwi.Auth.Tests.Options;

/// <summary>
/// Settings that configuration binds without complaint but that would refuse every token, answer 503 to every
/// request or send clients away for years: they stop the start, and a reload into them is refused.
/// </summary>
public sealed class BoundButUnworkableSettingsTests
{
    public static TheoryData<string, string, string> UnworkableSettings() => new()
    {
        { "KiwiAuth:Mode", "99", "KiwiAuth:Mode" },
        { "KiwiAuth:ErrorFormat", "7", "KiwiAuth:ErrorFormat" },
        { "KiwiAuth:BaseUrl", "ftp://127.0.0.1/", "KiwiAuth:BaseUrl" },
        { "KiwiAuth:BaseUrl", "file:///etc/kiwi", "KiwiAuth:BaseUrl" },
        { "KiwiAuth:BaseUrl", "http://127.0.0.1:5081/?tenant=a", "KiwiAuth:BaseUrl" },
        { "KiwiAuth:BaseUrl", "http://127.0.0.1:5081/#kiwi", "KiwiAuth:BaseUrl" },
        { "KiwiAuth:BaseUrl", "http://kiwi:secret@127.0.0.1:5081/", "KiwiAuth:BaseUrl" },
        { "KiwiAuth:RetryAfter", "-00:00:05", "KiwiAuth:RetryAfter" },
        { "KiwiAuth:RetryAfter", "2.00:00:00", "KiwiAuth:RetryAfter" },
        { "KiwiAuth:Applications:0", "", "KiwiAuth:Applications" },
        { "KiwiAuth:Applications:0", " ", "KiwiAuth:Applications" },
        { "KiwiAuth:Applications:0", " kiwi-demo", "KiwiAuth:Applications" },
        { "KiwiAuth:TokenSources:QueryStringPaths:0", "/hubs/chat/", "KiwiAuth:TokenSources:QueryStringPaths" },
        { "KiwiAuth:TokenSources:QueryStringPaths:0", "/", "KiwiAuth:TokenSources:QueryStringPaths" },
        { "KiwiAuth:TokenSources:QueryStringPaths:0", "/events#live", "KiwiAuth:TokenSources:QueryStringPaths" },
        { "KiwiAuth:NegativeCacheDuration", "10675199.02:48:05.4775807", "KiwiAuth:NegativeCacheDuration" },
        { "KiwiAuth:NegativeCacheDuration", "2.00:00:00", "KiwiAuth:NegativeCacheDuration" },
        { "KiwiAuth:TotalTimeout", "2.00:00:00", "KiwiAuth:TotalTimeout" },
        { "KiwiAuth:CircuitBreaker:BreakDuration", "2.00:00:00", "KiwiAuth:CircuitBreaker:BreakDuration" },
    };

    [Theory]
    [MemberData(nameof(UnworkableSettings))]
    public void Stops_the_start_naming_the_setting(string key, string value, string named)
    {
        var settings = OptionsReloadHarness.ValidSettings();
        settings[key] = value;
        using var harness = new OptionsReloadHarness(settings);

        var failure = Assert.Throws<OptionsValidationException>(
            harness.Services.GetRequiredService<IStartupValidator>().Validate);

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(UnworkableSettings))]
    public void A_reload_into_it_is_refused_and_the_last_valid_options_stay(string key, string value, string named)
    {
        using var harness = new OptionsReloadHarness();
        var valid = harness.Get();

        harness.Reload((key, value));

        Assert.Same(valid, harness.Get());
        Assert.Contains(named, Assert.Single(harness.Refusals).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_refusal_of_a_base_url_with_user_info_does_not_repeat_the_password()
    {
        var settings = OptionsReloadHarness.ValidSettings();
        settings["KiwiAuth:BaseUrl"] = "http://kiwi:secret@127.0.0.1:5081/";
        using var harness = new OptionsReloadHarness(settings);

        var failure = Assert.Throws<OptionsValidationException>(harness.Get);

        Assert.DoesNotContain("secret", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5081/kiwi")]
    [InlineData("http://127.0.0.1:5081")]
    [InlineData("HTTPS://User.Example.com/")]
    [InlineData("http://[::1]:5081/")]
    public void Accepts_the_usual_forms_of_base_url(string baseUrl)
    {
        var settings = OptionsReloadHarness.ValidSettings();
        settings["KiwiAuth:BaseUrl"] = baseUrl;
        using var harness = new OptionsReloadHarness(settings);

        Assert.Equal(new Uri(baseUrl), harness.Get().BaseUrl);
    }

    [Theory]
    [InlineData("local", KiwiAuthMode.Local)]
    [InlineData("1", KiwiAuthMode.Local)]
    [InlineData("REMOTE", KiwiAuthMode.Remote)]
    public void Accepts_a_mode_in_any_case_or_by_number(string value, KiwiAuthMode mode)
    {
        var settings = OptionsReloadHarness.ValidSettings();
        settings["KiwiAuth:Mode"] = value;
        using var harness = new OptionsReloadHarness(settings);

        Assert.Equal(mode, harness.Get().Mode);
    }

    [Fact]
    public void A_reload_to_a_1024_bit_public_key_is_refused()
    {
        using var harness = new OptionsReloadHarness();
        var valid = harness.Get();
        using var weak = RSA.Create(1024);

        harness.Reload(("KiwiAuth:Mode", "Local"), ("KiwiAuth:PublicKeyPem", weak.ExportSubjectPublicKeyInfoPem()));

        Assert.Same(valid, harness.Get());
        Assert.Contains("KiwiAuth:PublicKeyPem", Assert.Single(harness.Refusals).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reload_that_changes_the_mode_is_refused_until_a_restart()
    {
        using var harness = new OptionsReloadHarness();
        var valid = harness.Get();
        using var key = RSA.Create(2048);

        harness.Reload(("KiwiAuth:Mode", "Local"), ("KiwiAuth:PublicKeyPem", key.ExportSubjectPublicKeyInfoPem()));

        Assert.Same(valid, harness.Get());
        Assert.Equal(KiwiAuthMode.Remote, harness.Get().Mode);
        Assert.Contains("KiwiAuth:Mode", Assert.Single(harness.Refusals).Message, StringComparison.Ordinal);
    }
}
