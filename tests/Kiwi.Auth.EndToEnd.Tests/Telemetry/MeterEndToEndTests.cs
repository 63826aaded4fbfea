using System.Diagnostics.Metrics;
using System.Net;
using Kiwi.Auth.EndToEnd.Tests.Infrastructure;
using Kiwi.User.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Kiwi.Auth.EndToEnd.Tests.Telemetry;

/// <summary>The <c>Kiwi.Auth</c> meter of the sample in local mode, against a real emulator that rotates its key.
/// </summary>
public sealed class MeterEndToEndTests
{
    [Fact]
    public async Task Local_mode_counts_local_verdicts_and_the_key_fetched_again_after_a_rotation()
    {
        await using var emulator = await KiwiUserEmulator.StartAsync();
        await using var sample = await SampleServer.StartAsync(emulator.BaseAddress,
            settings: new Dictionary<string, string> { ["KiwiAuth:Mode"] = "Local" });
        var factory = sample.Services.GetRequiredService<IMeterFactory>();
        using var verdicts = new MetricCollector<long>(factory, KiwiAuthTelemetry.MeterName, "kiwi_auth.verdicts");
        using var refreshes = new MetricCollector<long>(
            factory, KiwiAuthTelemetry.MeterName, "kiwi_auth.public_key.refreshes");
        await EventuallyOkAsync(sample, await KiwiHttp.LoginAsync(emulator.BaseAddress, "alice", "alice-password"));

        emulator.Control.RotateSigningKey();
        using var rotated = await sample.GetAsync("/v1/profile", emulator.Control.IssueAccessToken(KiwiHttp.AliceId));

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.Contains(verdicts.GetMeasurementSnapshot(),
            m => (string?)m.Tags["result"] == "valid" && (string?)m.Tags["source"] == "local");
        Assert.Contains(refreshes.GetMeasurementSnapshot(), m => (string?)m.Tags["outcome"] == "changed");
        Assert.DoesNotContain(verdicts.GetMeasurementSnapshot(), m => (string?)m.Tags["source"] == "remote");
    }

    private static async Task EventuallyOkAsync(SampleServer sample, string token)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await sample.GetAsync("/v1/profile", token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "The key was not fetched within 30 seconds.");
            await Task.Delay(100);
        }
    }
}
