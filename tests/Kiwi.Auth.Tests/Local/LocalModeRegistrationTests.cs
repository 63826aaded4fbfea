using Kiwi.Auth.Tests.Fixtures;
using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;
using Kiwi.Auth.Validation.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;

namespace Kiwi.Auth.Tests.Local;

public sealed class LocalModeRegistrationTests
{
    [Fact]
    public async Task AddKiwiAuth_validates_locally_when_the_mode_is_Local()
    {
        using var provider = Build(o =>
        {
            o.Mode = KiwiAuthMode.Local;
            o.PublicKeyPem = FixtureTokens.PublicKeyPem;
        });
        var verdicts = provider.GetRequiredService<TokenVerdictService>();
        Assert.True(KiwiTokenParser.TryParse(FixtureTokens.Named("valid-full").Token, 8192, out var token, out _));

        var verdict = await verdicts.GetVerdictAsync(
            token!, KiwiAuthDefaults.AuthenticationScheme, CancellationToken.None);

        Assert.IsType<LocalTokenValidator>(provider.GetRequiredKeyedService<ITokenValidator>(KiwiAuthMode.Local));
        Assert.Equal(TokenVerdictKind.Valid, verdict.Kind);
        Assert.Null(verdict.User!.Profile);
    }

    [Fact]
    public void AddKiwiAuth_registers_the_background_key_refresh()
    {
        using var provider = Build(o => o.Mode = KiwiAuthMode.Local);

        Assert.Contains(provider.GetServices<IHostedService>(), s => s is KiwiPublicKeyRefreshService);
    }

    [Fact]
    public void Refuses_to_start_with_an_unreadable_configured_pem_and_names_the_setting()
    {
        using var provider = Build(o =>
        {
            o.Mode = KiwiAuthMode.Local;
            o.PublicKeyPem = "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n";
        });

        var monitor = provider.GetRequiredService<IOptionsMonitor<KiwiAuthOptions>>();
        var error = Assert.Throws<OptionsValidationException>(
            () => monitor.Get(KiwiAuthDefaults.AuthenticationScheme));

        Assert.Contains(
            "KiwiAuth:PublicKeyPem must be a PEM 'PUBLIC KEY' (PKIX) or 'RSA PUBLIC KEY' (PKCS#1) block with an "
            + "RSA key of at least 2048 bits, but the PEM block is 'RSA PRIVATE KEY'.",
            error.Failures);
    }

    [Theory]
    [InlineData(0, 300)]
    [InlineData(3600, 0)]
    [InlineData(-1, 300)]
    [InlineData(31 * 24 * 3600, 300)]
    public void Refuses_key_intervals_out_of_range(int refreshSeconds, int refetchSeconds)
    {
        var options = new KiwiAuthOptions
        {
            Mode = KiwiAuthMode.Local,
            KeyRefreshInterval = TimeSpan.FromSeconds(refreshSeconds),
            KeyRefetchInterval = TimeSpan.FromSeconds(refetchSeconds),
        };

        var result = new LocalModeOptionsValidator().Validate(KiwiAuthDefaults.AuthenticationScheme, options);

        var failure = Assert.Single(result.Failures!);
        var setting = refetchSeconds <= 0 ? "KiwiAuth:KeyRefetchInterval" : "KiwiAuth:KeyRefreshInterval";
        Assert.StartsWith(setting, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignores_local_settings_in_remote_mode()
    {
        var options = new KiwiAuthOptions { PublicKeyPem = "garbage", KeyRefreshInterval = TimeSpan.Zero };

        var result = new LocalModeOptionsValidator().Validate(KiwiAuthDefaults.AuthenticationScheme, options);

        Assert.True(result.Succeeded);
    }

    private static ServiceProvider Build(Action<KiwiAuthOptions> configure)
    {
        var services = new ServiceCollection();
        var environment = new Mock<IHostEnvironment>();
        environment.SetupGet(e => e.EnvironmentName).Returns(Environments.Production);
        services.AddSingleton(environment.Object);
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddKiwiAuth(o =>
        {
            o.BaseUrl = new Uri("http://kiwi-user.test/");
            configure(o);
        });
        return services.BuildServiceProvider();
    }
}
