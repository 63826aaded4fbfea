using System.Net;
using System.Text.Json;
using Kiwi.Auth.EndToEnd.Tests.Infrastructure;
using Kiwi.User.Emulator;

namespace Kiwi.Auth.EndToEnd.Tests.Forwarding;

/// <summary>
/// Two hosts on loopback behind one emulator: the gateway (host A) authenticates a request and calls the
/// minimal-API sample (host B) with the forwarded token.
/// </summary>
public sealed class TokenForwardingTests : IAsyncLifetime
{
    private KiwiUserEmulator? emulator;
    private SampleServer? sample;
    private GatewayHost? gateway;

    private KiwiUserEmulator Emulator => emulator!;

    private GatewayHost Gateway => gateway!;

    public async Task InitializeAsync()
    {
        emulator = await KiwiUserEmulator.StartAsync(new KiwiUserEmulatorOptions { Seed = EmulatorSeeds.Demo });
        sample = await SampleServer.StartAsync(emulator.BaseAddress);
        gateway = await GatewayHost.StartAsync(emulator.BaseAddress, sample.Client.BaseAddress!);
    }

    public async Task DisposeAsync()
    {
        if (gateway is not null)
        {
            await gateway.DisposeAsync();
        }

        if (sample is not null)
        {
            await sample.DisposeAsync();
        }

        if (emulator is not null)
        {
            await emulator.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_downstream_host_sees_the_same_user()
    {
        var token = await KiwiHttp.LoginAsync(Emulator.BaseAddress, "alice", "alice-password");

        using var response = await RelayAsync(token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(KiwiHttp.AliceId, body.RootElement.GetProperty("user_id").GetString());
        Assert.Equal(2, Emulator.Control.RequestCount("/v1/token/verify"));
    }

    [Fact]
    public async Task Each_user_is_forwarded_as_themself()
    {
        var bob = await KiwiHttp.LoginAsync(Emulator.BaseAddress, "bob", "bob-password");

        using var response = await RelayAsync(bob);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("1864213360487714902", body.RootElement.GetProperty("user_id").GetString());
    }

    [Fact]
    public async Task An_anonymous_request_forwards_no_token()
    {
        using var response = await RelayAsync(null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, Emulator.Control.RequestCount("/v1/token/verify"));
    }

    [Fact]
    public async Task A_token_the_gateway_rejected_is_not_forwarded()
    {
        var token = Emulator.Control.IssueAccessToken(KiwiHttp.AliceId, lifetime: TimeSpan.FromSeconds(-30));

        using var response = await RelayAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, sample!.LogCount("TokenRejected") + sample.LogCount("CredentialsRejected"));
    }

    [Fact]
    public async Task A_token_read_from_the_cookie_goes_downstream_as_a_bearer_token()
    {
        await using var cookieGateway = await GatewayHost.StartAsync(
            Emulator.BaseAddress, sample!.Client.BaseAddress!, cookie: true);
        var token = await KiwiHttp.LoginAsync(Emulator.BaseAddress, "alice", "alice-password");
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/relay");
        request.Headers.Add("Cookie", $"access_token={token}");

        using var response = await cookieGateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(KiwiHttp.AliceId, body.RootElement.GetProperty("user_id").GetString());
    }

    private async Task<HttpResponseMessage> RelayAsync(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/relay");
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return await Gateway.Client.SendAsync(request);
    }
}
