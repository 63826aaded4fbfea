using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kiwi.User.Client.Tests.Errors;

/// <summary>Settings that the resilience pipeline or the address would refuse or ignore are named at start under
/// their own KiwiUser names, not as a field of the pipeline the user never set.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("KiwiUser:AttemptTimeout", "00:00:00.001", "KiwiUser:AttemptTimeout")]
    [InlineData("KiwiUser:AttemptTimeout", "13:00:00", "KiwiUser:AttemptTimeout")]
    [InlineData("KiwiUser:TotalTimeout", "2.00:00:00", "KiwiUser:TotalTimeout")]
    [InlineData("KiwiUser:RetryDelay", "2.00:00:00", "KiwiUser:RetryDelay")]
    [InlineData("KiwiUser:BaseUrl", "ftp://kiwi.test/", "KiwiUser:BaseUrl")]
    [InlineData("KiwiUser:BaseUrl", "http://kiwi.test/?tenant=a", "KiwiUser:BaseUrl")]
    [InlineData("KiwiUser:BaseUrl", "http://kiwi.test/#user", "KiwiUser:BaseUrl")]
    [InlineData("KiwiUser:BaseUrl", "http://kiwi:secret@kiwi.test/", "KiwiUser:BaseUrl")]
    public void A_setting_out_of_range_is_named_at_start(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["KiwiUser:BaseUrl"] = "http://kiwi.test/",
            ["KiwiUser:TotalTimeout"] = "20:00:00",
            [key] = value,
        };
        using var provider = Build(settings);

        var exception = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<KiwiUserClientOptions>>().Value);

        Assert.Contains(named, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_longest_accepted_durations_pass_the_pipeline_own_checks_at_start()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["KiwiUser:BaseUrl"] = "http://kiwi.test/",
            ["KiwiUser:AttemptTimeout"] = "12:00:00",
            ["KiwiUser:TotalTimeout"] = "1.00:00:00",
            ["KiwiUser:RetryDelay"] = "1.00:00:00",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(TimeSpan.FromHours(12),
            provider.GetRequiredService<IOptions<KiwiUserClientOptions>>().Value.AttemptTimeout);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddKiwiUserClient();
        return services.BuildServiceProvider();
    }
}
