using System.Net;
using Kiwi.User.Client.Http;
using Kiwi.User.Client.Models;
using Kiwi.User.Client.Sessions;
using Kiwi.User.Client.Tests.Fakes;
using Kiwi.User.Client.Tests.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Kiwi.User.Client.Tests.Http;

public sealed class KiwiSessionTokenHandlerTests
{
    private readonly SessionFixture fixture = new();
    private readonly RecordingHandler downstream = new();

    [Fact]
    public async Task Sends_the_sessions_access_token_as_bearer()
    {
        await fixture.StartAsync();
        downstream.Answer(HttpStatusCode.OK, "{}");

        using var response = await Api("s1").GetAsync("orders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer token-1", Assert.Single(downstream.Requests).Authorization);
    }

    [Fact]
    public async Task Retries_once_with_a_refreshed_token_after_a_401()
    {
        await fixture.StartAsync();
        fixture.RefreshAnswers("token-2");
        downstream.Answer(HttpStatusCode.Unauthorized, "").Answer(HttpStatusCode.OK, "{}");

        using var response = await Api("s1").PostAsync("orders", new StringContent("{\"n\":1}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], downstream.Requests.Select(r => r.Authorization));
        Assert.Equal("{\"n\":1}", downstream.Requests[1].Body);
        fixture.VerifyRefreshes(Times.Once());
    }

    [Fact]
    public async Task Hands_back_the_second_401_without_a_third_attempt()
    {
        await fixture.StartAsync();
        fixture.RefreshAnswers("token-2");
        downstream.Fallback = _ => RecordingHandler.Response(HttpStatusCode.Unauthorized, "");

        using var response = await Api("s1").GetAsync("orders");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, downstream.Requests.Count);
        fixture.VerifyRefreshes(Times.Once());
    }

    [Fact]
    public async Task Hands_back_the_401_when_kiwi_user_cannot_refresh()
    {
        await fixture.StartAsync();
        fixture.RefreshAnswers(() => throw new KiwiUserUnavailableException("down"));
        downstream.Answer(HttpStatusCode.Unauthorized, "");

        using var response = await Api("s1").GetAsync("orders");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(downstream.Requests);
    }

    [Fact]
    public async Task A_refused_refresh_after_a_401_throws_session_ended()
    {
        await fixture.StartAsync();
        fixture.RefreshAnswers(
            () => throw new KiwiUserForbiddenException(new KiwiError(20005, "Forbidden: user not found")));
        downstream.Answer(HttpStatusCode.Unauthorized, "");

        var exception = await Assert.ThrowsAsync<KiwiSessionEndedException>(() => Api("s1").GetAsync("orders"));

        Assert.Equal(KiwiSessionEndReason.RefreshRefused, exception.Reason);
        Assert.Single(downstream.Requests);
    }

    [Fact]
    public async Task A_request_can_name_its_session()
    {
        await fixture.StartAsync("s1");
        await fixture.Manager.StartAsync("s2", SessionFixture.Login("token-of-s2", SessionFixture.AccessExpiry));
        downstream.Answer(HttpStatusCode.OK, "{}");
        using var request = new HttpRequestMessage(HttpMethod.Get, "orders");
        request.Options.Set(KiwiSessionRequestOptions.SessionKey, "s2");

        using var response = await Api("s1").SendAsync(request);

        Assert.Equal("Bearer token-of-s2", Assert.Single(downstream.Requests).Authorization);
    }

    [Fact]
    public async Task A_request_naming_an_empty_session_key_is_refused_not_sent_with_the_default_session()
    {
        await fixture.StartAsync("s1");
        downstream.Answer(HttpStatusCode.OK, "{}");
        using var request = new HttpRequestMessage(HttpMethod.Get, "orders");
        request.Options.Set(KiwiSessionRequestOptions.SessionKey, "");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Api("s1").SendAsync(request));

        Assert.Empty(downstream.Requests);
    }

    [Fact]
    public async Task A_request_without_a_session_key_is_refused()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Api(null).GetAsync("orders"));

        Assert.Empty(downstream.Requests);
    }

    private HttpClient Api(string? sessionKey)
    {
        var services = new ServiceCollection();
        services.AddSingleton(fixture.Manager);
        services.AddHttpClient("api", c => c.BaseAddress = new Uri("http://api.test/"))
            .AddKiwiSessionToken(sessionKey)
            .ConfigurePrimaryHttpMessageHandler(() => downstream);
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient("api");
    }
}
