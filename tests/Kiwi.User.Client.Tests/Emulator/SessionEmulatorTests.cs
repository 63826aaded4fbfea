using System.Net;
using Kiwi.User.Client.Sessions;
using Kiwi.User.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kiwi.User.Client.Tests.Emulator;

/// <summary>Sessions against the emulator over HTTP; the emulator and the sessions share one fake clock.</summary>
public sealed class SessionEmulatorTests : EmulatorClientTest
{
    private const string Refresh = "/v1/token/refresh";
    private readonly FakeTimeProvider clock = new(TimeProvider.System.GetUtcNow());
    private readonly List<KiwiSessionEndedEventArgs> ended = [];
    private readonly StatusRecorder sent = new();
    private KiwiSessionManager? manager;

    private KiwiSessionManager Manager => manager ??= CreateManager();

    [Fact]
    public async Task The_token_is_refreshed_only_inside_the_sixty_second_buffer()
    {
        var session = await StartAsync();
        var first = await session.GetAccessTokenAsync();

        clock.Advance(TimeSpan.FromSeconds(539));
        var before = await session.GetAccessTokenAsync();
        var countBefore = Control.RequestCount(Refresh);
        clock.Advance(TimeSpan.FromSeconds(2));
        var inside = await session.GetAccessTokenAsync();

        Assert.Equal(first, before);
        Assert.Equal(0, countBefore);
        Assert.NotEqual(first, inside);
        Assert.Equal(1, Control.RequestCount(Refresh));
        Assert.True((await Client.VerifyTokenAsync(inside)).Success);
    }

    [Fact]
    public async Task Fifty_concurrent_callers_cause_one_refresh()
    {
        var session = await StartAsync();
        clock.Advance(TimeSpan.FromSeconds(570));

        var tokens = await Task.WhenAll(
            Enumerable.Range(0, 50).Select(_ => Task.Run(() => session.GetAccessTokenAsync())));

        Assert.Single(tokens.Distinct());
        Assert.Equal(1, Control.RequestCount(Refresh));
    }

    [Fact]
    public async Task A_refused_refresh_ends_the_session()
    {
        var session = await StartAsync();
        await LoginAliceAsync();
        clock.Advance(TimeSpan.FromSeconds(600));

        var exception = await Assert.ThrowsAsync<KiwiSessionEndedException>(() => session.GetAccessTokenAsync());
        var later = await Assert.ThrowsAsync<KiwiSessionEndedException>(() => session.GetAccessTokenAsync());

        Assert.Equal(KiwiSessionEndReason.RefreshRefused, exception.Reason);
        Assert.Equal("Forbidden: invalid refresh token", ((KiwiUserException)exception.InnerException!).KiwiMessage);
        Assert.Equal(KiwiSessionEndReason.NotFound, later.Reason);
        Assert.Equal(KiwiSessionEndReason.RefreshRefused, Assert.Single(ended).Reason);
        Assert.Equal(1, Control.RequestCount(Refresh));
    }

    [Fact]
    public async Task Logout_ends_the_session_at_kiwi_user_and_here()
    {
        var session = await StartAsync();
        var tokens = await session.GetTokensAsync();

        await session.LogoutAsync();

        Assert.Equal(1, Control.RequestCount("/v1/user/logout"));
        Assert.Equal(KiwiSessionEndReason.LoggedOut, Assert.Single(ended).Reason);
        await Assert.ThrowsAsync<KiwiUserForbiddenException>(() => Client.RefreshAsync(
            new Models.Requests.RefreshTokenRequest(tokens.UserId, tokens.RefreshToken, tokens.Device)));
        await Assert.ThrowsAsync<KiwiSessionEndedException>(() => session.GetAccessTokenAsync());
    }

    [Fact]
    public async Task Switching_organization_keeps_the_organization_across_refreshes()
    {
        var session = await StartAsync();

        await session.SwitchOrganizationAsync(DemoOrganization);
        clock.Advance(TimeSpan.FromSeconds(570));
        var refreshed = await session.GetAccessTokenAsync();

        Assert.Equal(1, Control.RequestCount(Refresh));
        Assert.Equal(DemoOrganization, (await Client.VerifyTokenAsync(refreshed)).UserInfo!.CurrentOrganizationId);
    }

    [Fact]
    public async Task A_refused_organization_switch_leaves_the_session_as_it_was()
    {
        var session = await Manager.StartAsync("s1", await Client.LoginWithPasswordAsync(
            new Models.Requests.PasswordLoginRequest(Application, "bob", "bob-password", Device)));
        var before = await session.GetTokensAsync();

        var exception = await Assert.ThrowsAsync<KiwiUserForbiddenException>(
            () => session.SwitchOrganizationAsync(DemoOrganization));

        Assert.Equal("Forbidden: user not in organization", exception.KiwiMessage);
        Assert.Equal(before, await session.GetTokensAsync());
        Assert.Empty(ended);
    }

    [Fact]
    public async Task A_401_is_retried_once_with_a_refreshed_token()
    {
        await StartAsync();
        Control.RotateSigningKey();

        using var response = await Api().GetAsync("v1/user/info");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["401", "200"], sent.Statuses);
        Assert.Equal(2, Control.RequestCount("/v1/user/info"));
        Assert.Equal(1, Control.RequestCount(Refresh));
    }

    [Fact]
    public async Task A_second_401_is_handed_back_without_a_third_attempt()
    {
        await StartAsync();
        clock.Advance(TimeSpan.FromSeconds(1));   // so that the refreshed token differs from the rejected one
        Control.InjectFault(new EmulatorFault
        {
            Path = "/v1/user/info", Kind = EmulatorFaultKind.Status, StatusCode = 401, Count = 5,
        });

        using var response = await Api().GetAsync("v1/user/info");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["401", "401"], sent.Statuses);
        Assert.Equal(1, Control.RequestCount(Refresh));
    }

    protected override KiwiUserEmulatorOptions CreateOptions() => new() { TimeProvider = clock };

    private async Task<KiwiSession> StartAsync() => await Manager.StartAsync("s1", await LoginAliceAsync());

    private KiwiSessionManager CreateManager()
    {
        var created = new KiwiSessionManager(
            Client, new InMemoryKiwiSessionStore(), Options.Create(new KiwiSessionOptions()), clock);
        created.SessionEnded += (_, e) => ended.Add(e);
        return created;
    }

    private HttpClient Api()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Manager);
        services.AddHttpClient("api", c => c.BaseAddress = Emulator.BaseAddress)
            .AddKiwiSessionToken("s1")
            .AddHttpMessageHandler(() => sent);
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient("api");
    }

    /// <summary>Sits below the token handler and notes the status of every attempt that went out.</summary>
    private sealed class StatusRecorder : DelegatingHandler
    {
        public List<string> Statuses { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            Statuses.Add(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response;
        }
    }
}
