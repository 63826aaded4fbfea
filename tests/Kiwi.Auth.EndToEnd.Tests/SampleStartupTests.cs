using System.Net;
using Kiwi.Auth.EndToEnd.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Kiwi.Auth.EndToEnd.Tests;

public sealed class SampleStartupTests
{
    [Fact]
    public async Task In_development_without_a_base_url_the_sample_starts_its_own_emulator()
    {
        await using var sample = await SampleServer.StartAsync(
            kiwiUser: null, environment: "Development",
            settings: new Dictionary<string, string> { ["Sample:EmulatorUrl"] = "http://127.0.0.1:0" });
        var emulator = new Uri(sample.Configuration["KiwiAuth:BaseUrl"]!);

        var token = await KiwiHttp.LoginAsync(emulator, "alice", "alice-password");
        using var response = await sample.GetAsync("/v1/profile", token);

        Assert.Equal("127.0.0.1", emulator.Host);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(KiwiHttp.AliceId, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_a_missing_base_url_stops_the_start_with_a_message_naming_it()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(
            () => SampleServer.StartAsync(kiwiUser: null, environment: "Production"));

        Assert.Contains("KiwiAuth:BaseUrl", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task The_bypass_refuses_to_start_outside_development(string environment)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => SampleServer.StartAsync(
            new Uri("http://127.0.0.1:9/"), environment,
            new Dictionary<string, string> { ["KiwiAuth:LocalBypass:Enabled"] = "true" }));

        Assert.Contains("KiwiAuth:LocalBypass:Enabled", failure.Message, StringComparison.Ordinal);
        Assert.Contains(environment, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bypass_lets_requests_in_as_the_test_user_in_development()
    {
        await using var sample = await SampleServer.StartAsync(
            kiwiUser: null, environment: "Development",
            settings: new Dictionary<string, string> { ["KiwiAuth:LocalBypass:Enabled"] = "true" });

        using var response = await sample.GetAsync("/v1/profile");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("test_user", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, sample.LogCount("LocalBypassEnabled"));
    }
}
