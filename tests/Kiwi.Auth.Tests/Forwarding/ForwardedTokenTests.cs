using System.Net;
using Kiwi.Auth.Tests.Support;
using Kiwi.Auth.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kiwi.Auth.Tests.Forwarding;

/// <summary>
/// What <c>AddKiwiTokenForwarding()</c> sends downstream: only the token this API validated, never another credential
/// the request happens to carry. The downstream API is a handler that records the <c>Authorization</c> it got.
/// </summary>
public sealed class ForwardedTokenTests
{
    private readonly List<string?> forwarded = [];

    [Fact]
    public async Task Forwards_the_validated_header_token()
    {
        var alice = TestTokens.Create(userId: "1");
        await using var host = await StartAsync(o => { });

        using var response = await SendAsync(host, r => r.Headers.Add("Authorization", "Bearer " + alice));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Bearer " + alice], forwarded);
    }

    [Fact]
    public async Task The_local_bypass_forwards_no_header_token_it_never_checked()
    {
        var someoneElse = TestTokens.Create(userId: "2");
        await using var host = await StartAsync(
            o =>
            {
                o.LocalBypass.Enabled = true;
                o.LocalBypass.UserId = "1";
            },
            environment: "Development");

        using var response = await SendAsync(host, r => r.Headers.Add("Authorization", "Bearer " + someoneElse));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([null], forwarded);
    }

    [Fact]
    public async Task A_token_from_OnMessageReceived_does_not_forward_the_unchecked_header_token()
    {
        var alice = TestTokens.Create(userId: "1");
        var bob = TestTokens.Create(userId: "2");
        await using var host = await StartAsync(o => o.Events.OnMessageReceived = c =>
        {
            c.Token = c.Request.Headers["X-Kiwi-Token"];
            return Task.CompletedTask;
        });

        using var response = await SendAsync(host, r =>
        {
            r.Headers.Add("X-Kiwi-Token", alice);
            r.Headers.Add("Authorization", "Bearer " + bob);
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([null], forwarded);
    }

    private Task<LoopbackHost> StartAsync(Action<KiwiAuthOptions> configure, string environment = "Production") =>
        LoopbackHost.StartAsync(
            builder =>
            {
                builder.Services.AddKiwiAuth(o =>
                {
                    o.BaseUrl = new Uri("http://127.0.0.1:9/");
                    configure(o);
                });
                builder.Services.AddKeyedSingleton<ITokenValidator>(
                    KiwiAuthMode.Remote, new PayloadTrustingValidator());
                builder.Services.AddHttpClient("downstream", c => c.BaseAddress = new Uri("http://downstream.test/"))
                    .AddKiwiTokenForwarding()
                    .ConfigurePrimaryHttpMessageHandler(() => new RecordingDownstream(forwarded));
            },
            app =>
            {
                app.UseAuthentication();
                app.MapGet("/relay", RelayAsync).RequireUser();
            },
            environment);

    private static async Task<HttpResponseMessage> SendAsync(LoopbackHost host, Action<HttpRequestMessage> configure)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/relay");
        configure(request);
        return await host.Client.SendAsync(request);
    }

    private static async Task<IResult> RelayAsync(IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        using var response = await clients.CreateClient("downstream").GetAsync("v1/profile", cancellationToken);
        return Results.StatusCode((int)response.StatusCode);
    }

    private sealed class RecordingDownstream(List<string?> forwarded) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (forwarded)
            {
                forwarded.Add(request.Headers.Authorization?.ToString());
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
