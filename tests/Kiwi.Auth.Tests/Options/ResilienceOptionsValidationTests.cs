using Kiwi.Auth.Tests.Infrastructure;
using Kiwi.Auth.Validation;
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
        { "KiwiAuth:TotalTimeout", o => o.TotalTimeout = TimeSpan.FromDays(2) },
        { "KiwiAuth:TotalTimeout", o => o.TotalTimeout = TimeSpan.MaxValue },
        {
            "KiwiAuth:TotalTimeout",
            o => (o.Timeout, o.TotalTimeout) = (TimeSpan.FromDays(2), TimeSpan.FromDays(2))
        },
        {
            "KiwiAuth:CircuitBreaker:SamplingDuration",
            o => o.CircuitBreaker.SamplingDuration = TimeSpan.FromDays(2)
        },
        { "KiwiAuth:CircuitBreaker:BreakDuration", o => o.CircuitBreaker.BreakDuration = TimeSpan.MaxValue },
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

    [Fact]
    public async Task The_longest_accepted_durations_build_a_working_pipeline()
    {
        await using var harness = new ValidatorHarness(o =>
        {
            (o.Timeout, o.TotalTimeout) = (TimeSpan.FromDays(1), TimeSpan.FromDays(1));
            o.RetryDelay = TimeSpan.FromMinutes(1);
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromDays(1);
            o.CircuitBreaker.BreakDuration = TimeSpan.FromDays(1);
        });
        harness.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Verdict(TestTokens.UserId));

        var verdict = await harness.ValidateAsync();

        Assert.Equal(TokenVerdictKind.Valid, verdict.Kind);
        Assert.Equal(1, harness.KiwiUser.Calls);
    }

    private static KiwiAuthOptions ValidOptions() => new() { BaseUrl = new Uri("http://127.0.0.1:5081/") };

    private static KiwiAuthOptionsValidator Validator()
    {
        var environment = new Mock<IHostEnvironment>();
        environment.SetupGet(e => e.EnvironmentName).Returns(Environments.Production);
        return new KiwiAuthOptionsValidator(environment.Object);
    }
}
