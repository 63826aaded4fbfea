using System.Net;
using System.Text.Json;
using Kiwi.Auth.EndToEnd.Tests.Infrastructure;
using Kiwi.User.Emulator;

namespace Kiwi.Auth.EndToEnd.Tests.Telemetry;

/// <summary>The sample's <c>GET /health</c> with the kiwi-user check, against a real emulator on loopback.</summary>
public sealed class HealthEndpointTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Health:KiwiUser:DegradedThreshold"] = "00:00:01",
        ["Health:KiwiUser:Timeout"] = "00:00:05",
        ["KiwiAuth:Timeout"] = "00:00:01",
        ["KiwiAuth:Retries"] = "0",
        ["KiwiAuth:CacheDuration"] = "00:00:00",
        ["KiwiAuth:CircuitBreaker:MinimumThroughput"] = "2",
        ["KiwiAuth:CircuitBreaker:FailureRatio"] = "0.5",
        ["KiwiAuth:CircuitBreaker:BreakDuration"] = "00:01:00",
    };

    [Fact]
    public async Task Reports_healthy_when_kiwi_user_answers_the_ping()
    {
        await using var emulator = await KiwiUserEmulator.StartAsync();
        await using var sample = await SampleServer.StartAsync(emulator.BaseAddress, settings: Settings);

        var (status, check) = await HealthAsync(sample);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", check.GetProperty("status").GetString());
        Assert.Equal("closed", check.GetProperty("data").GetProperty("circuit_breaker").GetString());
        Assert.Equal(1, emulator.Control.RequestCount("/ping"));
    }

    [Fact]
    public async Task Reports_degraded_when_the_ping_is_slow()
    {
        await using var emulator = await KiwiUserEmulator.StartAsync();
        await using var sample = await SampleServer.StartAsync(emulator.BaseAddress, settings: Settings);
        emulator.Control.InjectFault(new EmulatorFault
        {
            Path = "/ping", Kind = EmulatorFaultKind.Latency, Latency = TimeSpan.FromSeconds(2),
        });

        var (status, check) = await HealthAsync(sample);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", check.GetProperty("status").GetString());
        // Above the 1 s threshold; not ">= 2000": a timer may end the emulator's 2 s delay a millisecond early.
        Assert.True(check.GetProperty("data").GetProperty("ping_ms").GetDouble() > 1000);
    }

    [Fact]
    public async Task Reports_unhealthy_when_kiwi_user_is_stopped()
    {
        var emulator = await KiwiUserEmulator.StartAsync();
        await using var sample = await SampleServer.StartAsync(emulator.BaseAddress, settings: Settings);
        await emulator.DisposeAsync();

        var (status, check) = await HealthAsync(sample);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", check.GetProperty("status").GetString());
        Assert.Contains("did not answer", check.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_unhealthy_while_the_breaker_is_open_although_the_ping_is_answered()
    {
        await using var emulator = await KiwiUserEmulator.StartAsync();
        await using var sample = await SampleServer.StartAsync(emulator.BaseAddress, settings: Settings);
        var token = await KiwiHttp.LoginAsync(emulator.BaseAddress, "alice", "alice-password");
        emulator.Control.InjectFault(new EmulatorFault { Path = "/v1/token/verify", Kind = EmulatorFaultKind.Status });
        for (var i = 0; i < 3; i++)
        {
            using var response = await sample.GetAsync("/v1/profile", token);
            await KiwiHttp.AssertUnavailableAsync(response);
        }

        var (status, check) = await HealthAsync(sample);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("open", check.GetProperty("data").GetProperty("circuit_breaker").GetString());
        Assert.Equal(2, emulator.Control.RequestCount("/v1/token/verify"));
        Assert.Equal(1, emulator.Control.RequestCount("/ping"));
    }

    [Fact]
    public async Task An_unknown_exporter_stops_the_start_and_names_the_setting()
    {
        await using var emulator = await KiwiUserEmulator.StartAsync();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => SampleServer.StartAsync(
            emulator.BaseAddress, settings: new Dictionary<string, string> { ["OpenTelemetry:Exporter"] = "zipkin" }));

        Assert.Contains("OpenTelemetry:Exporter", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Check)> HealthAsync(SampleServer sample)
    {
        using var response = await sample.GetAsync("/health");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var check = body.RootElement.GetProperty("checks").GetProperty("kiwi-user").Clone();
        return (response.StatusCode, check);
    }
}
