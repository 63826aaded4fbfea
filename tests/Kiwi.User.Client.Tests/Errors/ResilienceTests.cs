using System.Net;
using Kiwi.User.Client.Models.Requests;
using Kiwi.User.Client.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kiwi.User.Client.Tests.Errors;

public sealed class ResilienceTests
{
    private readonly RecordingHandler handler = new();

    [Fact]
    public async Task Verify_is_retried_twice_on_transient_faults()
    {
        handler.Answer(HttpStatusCode.ServiceUnavailable, "")
            .Answer(HttpStatusCode.ServiceUnavailable, "")
            .AnswerData("""{"success":false,"user_info":null}""");
        var client = Client();

        var verdict = await client.VerifyTokenAsync("a.b.c");

        Assert.False(verdict.Success);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Gives_up_after_two_retries()
    {
        handler.Fallback = _ => RecordingHandler.Response(HttpStatusCode.ServiceUnavailable, "");
        var client = Client();

        await Assert.ThrowsAsync<KiwiUserUnavailableException>(() => client.GetPublicKeyAsync());

        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_login_is_never_retried()
    {
        handler.Fallback = _ => RecordingHandler.Response(HttpStatusCode.ServiceUnavailable, "");
        var client = Client();

        await Assert.ThrowsAsync<KiwiUserUnavailableException>(() => client.LoginWithPasswordAsync(
            new PasswordLoginRequest("kiwi-demo", "alice", "alice-password", Fakes.Wire.Device)));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Logout_and_code_requests_are_never_retried()
    {
        handler.Fallback = _ => RecordingHandler.Response(HttpStatusCode.ServiceUnavailable, "");
        var client = Client();

        await Assert.ThrowsAsync<KiwiUserUnavailableException>(
            () => client.LogoutAsync("a.b.c", new LogoutRequest(Fakes.Wire.RefreshToken, Fakes.Wire.Device)));
        await Assert.ThrowsAsync<KiwiUserUnavailableException>(
            () => client.SendEmailCodeAsync(new EmailCodeRequest("alice@example.com")));

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_forbidden_verdict_is_not_retried()
    {
        handler.Fallback = _ => RecordingHandler.Response(HttpStatusCode.Forbidden,
            """{"status":"error","error":{"code":20005,"msg":"Forbidden: invalid refresh token"},"data":null}""");
        var client = Client();

        await Assert.ThrowsAsync<KiwiUserForbiddenException>(() => client.RefreshAsync(
            new RefreshTokenRequest(Fakes.Wire.UserId, Fakes.Wire.RefreshToken, Fakes.Wire.Device)));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Zero_retries_turns_retrying_off()
    {
        handler.Fallback = _ => RecordingHandler.Response(HttpStatusCode.ServiceUnavailable, "");
        var client = Client(o => o.Retries = 0);

        await Assert.ThrowsAsync<KiwiUserUnavailableException>(() => client.VerifyTokenAsync("a.b.c"));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_attempt_that_never_answers_ends_as_unavailable_after_the_total_timeout()
    {
        var never = new NeverAnsweringHandler();
        var services = new ServiceCollection();
        services.AddKiwiUserClient(o =>
            {
                o.BaseUrl = new Uri("http://kiwi.test");
                o.AttemptTimeout = TimeSpan.FromMilliseconds(100);
                o.TotalTimeout = TimeSpan.FromMilliseconds(400);
                o.RetryDelay = TimeSpan.Zero;
            })
            .ConfigurePrimaryHttpMessageHandler(() => never);
        using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<KiwiUserUnavailableException>(
            () => provider.GetRequiredService<IKiwiUserClient>().VerifyTokenAsync("a.b.c"));

        Assert.InRange(never.Attempts, 1, 3);
    }

    [Fact]
    public async Task An_open_circuit_breaker_is_unavailable_and_sends_nothing()
    {
        handler.Fallback = _ => RecordingHandler.Response(HttpStatusCode.InternalServerError, "");
        var client = Client(o => o.Retries = 0);

        KiwiUserUnavailableException? rejected = null;
        for (var call = 0; call < 200 && rejected is null; call++)
        {
            var exception = await Assert.ThrowsAsync<KiwiUserUnavailableException>(() => client.PingAsync());
            rejected = exception.InnerException is Polly.CircuitBreaker.BrokenCircuitException ? exception : null;
        }

        var sent = handler.Requests.Count;
        await Assert.ThrowsAsync<KiwiUserUnavailableException>(() => client.PingAsync());

        Assert.NotNull(rejected);
        Assert.Equal(sent, handler.Requests.Count);
    }

    [Fact]
    public void A_missing_base_url_is_named_at_start()
    {
        var services = new ServiceCollection();
        services.AddKiwiUserClient(_ => { });
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<KiwiUserClientOptions>>().Value);

        Assert.Contains("KiwiUser:BaseUrl", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_attempt_timeout_longer_than_the_total_is_named_at_start()
    {
        var services = new ServiceCollection();
        services.AddKiwiUserClient(o =>
        {
            o.BaseUrl = new Uri("http://kiwi.test");
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
        });
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<KiwiUserClientOptions>>().Value);

        Assert.Contains("KiwiUser:AttemptTimeout", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_configuration_section_sets_the_base_url_and_the_retries()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["KiwiUser:BaseUrl"] = "http://kiwi.test/prefix",
            ["KiwiUser:Retries"] = "0",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddKiwiUserClient().ConfigurePrimaryHttpMessageHandler(() => handler);
        handler.Fallback = _ => RecordingHandler.Response(HttpStatusCode.ServiceUnavailable, "");
        using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<KiwiUserUnavailableException>(
            () => provider.GetRequiredService<IKiwiUserClient>().PingAsync());

        Assert.Equal("/prefix/ping", Assert.Single(handler.Requests).PathAndQuery);
    }

    private IKiwiUserClient Client(Action<KiwiUserClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddKiwiUserClient(o =>
            {
                o.BaseUrl = new Uri("http://kiwi.test");
                o.RetryDelay = TimeSpan.Zero;
                configure?.Invoke(o);
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        return services.BuildServiceProvider().GetRequiredService<IKiwiUserClient>();
    }

    private sealed class NeverAnsweringHandler : HttpMessageHandler
    {
        private int attempts;

        public int Attempts => attempts;

        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref attempts);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
