using System.Net;
using System.Text.Json;
using Kiwi.Auth.EndToEnd.Tests.Infrastructure;
using Kiwi.User.Emulator;

namespace Kiwi.Auth.EndToEnd.Tests;

/// <summary>The README's walk-through, over real loopback ports: the emulator, the sample, HTTP in between.</summary>
public sealed class WalkthroughTests : IAsyncLifetime
{
    private KiwiUserEmulator _emulator = null!;
    private SampleServer _sample = null!;

    public async Task InitializeAsync()
    {
        _emulator = await KiwiUserEmulator.StartAsync(new KiwiUserEmulatorOptions { Seed = AdminSeed.Create() });
        _sample = await SampleServer.StartAsync(_emulator.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await _sample.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Alice_logs_in_at_kiwi_user_and_gets_her_profile()
    {
        var token = await KiwiHttp.LoginAsync(_emulator.BaseAddress, "alice", "alice-password");

        using var response = await _sample.GetAsync("/v1/profile", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(KiwiHttp.AliceId, body.RootElement.GetProperty("user_id").GetString());
        Assert.Contains(body.RootElement.GetProperty("claims").EnumerateArray(),
            c => c.GetProperty("type").GetString() == "scope" && c.GetProperty("value").GetString() == "read");
        Assert.Equal(1, _emulator.Control.RequestCount("/v1/token/verify"));
    }

    [Fact]
    public async Task The_health_endpoint_needs_no_token()
    {
        using var response = await _sample.GetAsync("/v1/public/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task No_token_gets_401_with_kiwis_envelope()
    {
        using var response = await _sample.GetAsync("/v1/profile");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        await KiwiHttp.AssertEnvelopeAsync(response, 20003, "Unauthorized");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJ0eXBlIjoiand0IiwiYWxnIjoiUlMyNTYifQ.e30.c2ln")]
    public async Task A_garbage_token_gets_401_without_a_call_to_kiwi_user(string token)
    {
        using var response = await _sample.GetAsync("/v1/profile", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(),
            StringComparison.Ordinal);
        await KiwiHttp.AssertEnvelopeAsync(response, 20003, "Unauthorized: ");
        Assert.Equal(0, _emulator.Control.RequestCount("/v1/token/verify"));
    }

    [Fact]
    public async Task A_token_signed_by_another_key_gets_401()
    {
        await using var other = await KiwiUserEmulator.StartAsync();
        var forged = other.Control.IssueAccessToken(KiwiHttp.AliceId);

        using var response = await _sample.GetAsync("/v1/profile", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await KiwiHttp.AssertEnvelopeAsync(response, 20003, "Unauthorized: ");
    }

    [Fact]
    public async Task The_admin_endpoint_refuses_a_user_without_the_admin_scope_with_403()
    {
        var token = await KiwiHttp.LoginAsync(_emulator.BaseAddress, "alice", "alice-password");

        using var response = await _sample.GetAsync("/v1/admin", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await KiwiHttp.AssertEnvelopeAsync(response, 20005, "Forbidden");
    }

    [Fact]
    public async Task The_admin_endpoint_lets_an_admin_in()
    {
        var token = await KiwiHttp.LoginAsync(_emulator.BaseAddress, AdminSeed.Name, AdminSeed.Password);

        using var response = await _sample.GetAsync("/v1/admin", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_emulator_stopped_gets_503_with_retry_after_not_401()
    {
        var token = await KiwiHttp.LoginAsync(_emulator.BaseAddress, "alice", "alice-password");
        await _emulator.StopAsync();

        using var response = await _sample.GetAsync("/v1/profile", token);

        await KiwiHttp.AssertUnavailableAsync(response);
    }
}
