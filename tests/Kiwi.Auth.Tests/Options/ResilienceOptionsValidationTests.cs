using Microsoft.Extensions.Hosting;
using Moq;

namespace Kiwi.Auth.Tests.Options;

public sealed class ResilienceOptionsValidationTests
{
    public static TheoryData<string, Action<KiwiAuthOptions>> WrongSettings() => new()
    {
        { "KiwiAuth:Timeout", o => o.Timeout = TimeSpan.FromMilliseconds(5) },
        { "KiwiAuth:TotalTimeout", o => o.TotalTimeout = TimeSpan.FromMilliseconds(500) },
        { "KiwiAuth:Retries", o => o.Retries = -1 },
        { "KiwiAuth:Retries", o => o.Retries = 11 },
        { "KiwiAuth:RetryDelay", o => o.RetryDelay = TimeSpan.FromSeconds(-1) },
        { "KiwiAuth:CircuitBreaker:FailureRatio", o => o.CircuitBreaker.FailureRatio = 0 },
        { "KiwiAuth:CircuitBreaker:FailureRatio", o => o.CircuitBreaker.FailureRatio = 1.5 },
        { "KiwiAuth:CircuitBreaker:FailureRatio", o => o.CircuitBreaker.FailureRatio = double.NaN },
        { "KiwiAuth:CircuitBreaker:MinimumThroughput", o => o.CircuitBreaker.MinimumThroughput = 1 },
        {
            "KiwiAuth:CircuitBreaker:BreakDuration",
            o => o.CircuitBreaker.BreakDuration = TimeSpan.FromMilliseconds(100)
        },
        { "KiwiAuth:CircuitBreaker:SamplingDuration", o => o.CircuitBreaker.SamplingDuration = TimeSpan.Zero },
    };

    [Theory]
    [MemberData(nameof(WrongSettings))]
    public void Names_the_resilience_setting_that_is_out_of_range(string setting, Action<KiwiAuthOptions> change)
    {
        var options = ValidOptions();
        change(options);

        var result = Validator().Validate(KiwiAuthDefaults.AuthenticationScheme, options);

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_the_defaults()
    {
        var result = Validator().Validate(KiwiAuthDefaults.AuthenticationScheme, ValidOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Accepts_zero_retries()
    {
        var options = ValidOptions();
        options.Retries = 0;

        Assert.True(Validator().Validate(KiwiAuthDefaults.AuthenticationScheme, options).Succeeded);
    }

    private static KiwiAuthOptions ValidOptions() => new() { BaseUrl = new Uri("http://127.0.0.1:5081/") };

    private static KiwiAuthOptionsValidator Validator()
    {
        var environment = new Mock<IHostEnvironment>();
        environment.SetupGet(e => e.EnvironmentName).Returns(Environments.Production);
        return new KiwiAuthOptionsValidator(environment.Object);
    }
}
