using Kiwi.Auth.Tests.Infrastructure;
using Kiwi.Auth.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Kiwi.Auth.Tests.Telemetry;

/// <summary>The kiwi-user health check against <see cref="FakeKiwiUser"/>, below Kiwi.Auth's real client and
/// resilience pipeline. Slowness is simulated by moving a fake clock while the ping is answered.</summary>
public sealed class HealthCheckTests
{
    private const string Ping = "/ping";

    [Fact]
    public async Task Reports_healthy_when_the_ping_is_answered_in_time()
    {
        await using var harness = Create();
        Answer(harness, ping: () => FakeKiwiUser.Json(System.Net.HttpStatusCode.OK, """{"success":true}"""));

        var entry = await CheckAsync(harness);

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("closed", entry.Data["circuit_breaker"]);
        Assert.Equal([Ping], harness.KiwiUser.Paths);
    }

    [Fact]
    public async Task Reports_degraded_when_the_ping_takes_longer_than_the_threshold()
    {
        var time = new FakeTimeProvider();
        await using var harness = Create(
            time: time, configure: o => o.DegradedThreshold = TimeSpan.FromMilliseconds(500));
        Answer(harness, ping: () =>
        {
            time.Advance(TimeSpan.FromSeconds(2));
            return Pong();
        });

        var entry = await CheckAsync(harness);

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains("above 500 ms", entry.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(404)]
    public async Task Reports_unhealthy_when_the_ping_fails(int status)
    {
        await using var harness = Create();
        Answer(harness, ping: () => FakeKiwiUser.Status(status));

        var entry = await CheckAsync(harness);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains($"HTTP {status}", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_unhealthy_when_kiwi_user_cannot_be_reached_and_does_not_retry_the_ping()
    {
        await using var harness = Create(options: o => o.Retries = 3);
        harness.KiwiUser.Respond = (_, _) =>
            Task.FromException<HttpResponseMessage>(new HttpRequestException("refused"));

        var entry = await CheckAsync(harness);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("HttpRequestException", entry.Description, StringComparison.Ordinal);
        Assert.Equal(1, harness.KiwiUser.Calls);
    }

    [Fact]
    public async Task Reports_unhealthy_while_the_breaker_is_open_even_though_the_ping_is_answered()
    {
        var time = new FakeTimeProvider();
        await using var harness = Create(time: time, options: MeterTests.Breaker);
        Answer(harness, ping: Pong, verify: () => FakeKiwiUser.Status(500));
        await harness.ValidateAsync();
        await harness.ValidateAsync();

        var entry = await CheckAsync(harness);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("open", entry.Data["circuit_breaker"]);
        Assert.Contains("circuit breaker open", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_degraded_once_the_break_is_over_and_leaves_the_trial_to_a_real_call()
    {
        var time = new FakeTimeProvider();
        await using var harness = Create(time: time, options: MeterTests.Breaker);
        Answer(harness, ping: Pong, verify: () => FakeKiwiUser.Status(500));
        await harness.ValidateAsync();
        await harness.ValidateAsync();
        time.Advance(TimeSpan.FromSeconds(11));

        var entry = await CheckAsync(harness);
        var halfOpenedByTheProbe = harness.LogCount("KiwiUserCircuitHalfOpened");
        Answer(harness, ping: Pong, verify: () => FakeKiwiUser.Verdict(TestTokens.UserId));
        var trial = await harness.ValidateAsync();

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Equal("half_open", entry.Data["circuit_breaker"]);
        Assert.Equal(0, halfOpenedByTheProbe);
        Assert.Equal(TokenVerdictKind.Valid, trial.Kind);
        Assert.Equal(1, harness.LogCount("KiwiUserCircuitHalfOpened"));
        Assert.Equal(1, harness.LogCount("KiwiUserCircuitClosed"));
    }

    [Fact]
    public async Task Failing_pings_never_open_the_breaker()
    {
        await using var harness = Create(options: MeterTests.Breaker);
        Answer(harness, ping: () => FakeKiwiUser.Status(503), verify: () => FakeKiwiUser.Verdict(TestTokens.UserId));

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync(harness)).Status);
        }

        var verdict = await harness.ValidateAsync();

        Assert.Equal(TokenVerdictKind.Valid, verdict.Kind);
        Assert.Equal(0, harness.LogCount("KiwiUserCircuitOpened"));
    }

    [Fact]
    public async Task Reports_healthy_without_a_call_when_kiwi_user_is_not_used()
    {
        await using var harness = Create(options: o =>
            (o.Mode, o.PublicKeyPem, o.BaseUrl) = (KiwiAuthMode.Local, Fixtures.FixtureTokens.PublicKeyPem, null));

        var entry = await CheckAsync(harness);

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Contains("BaseUrl is not set", entry.Description, StringComparison.Ordinal);
        Assert.Equal(0, harness.KiwiUser.Calls);
    }

    [Theory]
    [InlineData(0, 0, "Timeout")]
    [InlineData(-1000, 0, "Timeout")]
    [InlineData(2 * 86_400_000.0, 1000, "Timeout")]
    [InlineData(5000, 5000, "DegradedThreshold")]
    [InlineData(1000, 2000, "DegradedThreshold")]
    [InlineData(5000, -1, "DegradedThreshold")]
    public void Refuses_settings_that_would_never_report_healthy_or_never_degraded_when_added(
        double timeoutMs, double thresholdMs, string named)
    {
        var checks = new ServiceCollection().AddHealthChecks();

        var error = Assert.Throws<ArgumentException>(() => checks.AddKiwiUserHealthCheck(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(timeoutMs);
            o.DegradedThreshold = TimeSpan.FromMilliseconds(thresholdMs);
        }));

        Assert.Contains($"health check's {named}", error.Message, StringComparison.Ordinal);
    }

    private static ValidatorHarness Create(
        FakeTimeProvider? time = null,
        Action<KiwiAuthOptions>? options = null,
        Action<KiwiUserHealthCheckOptions>? configure = null) =>
        new(options, time, after: s => s.AddHealthChecks().AddKiwiUserHealthCheck(configure ?? (_ => { })));

    private static HttpResponseMessage Pong() =>
        FakeKiwiUser.Json(System.Net.HttpStatusCode.OK, """{"success":true}""");

    private static void Answer(
        ValidatorHarness harness, Func<HttpResponseMessage> ping, Func<HttpResponseMessage>? verify = null) =>
        harness.KiwiUser.Respond = (request, _) => Task.FromResult(
            request.RequestUri!.AbsolutePath == Ping ? ping() : (verify ?? (() => FakeKiwiUser.Status(500)))());

    private static async Task<HealthReportEntry> CheckAsync(ValidatorHarness harness)
    {
        var report = await harness.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries["kiwi-user"];
    }
}
