using System.Net;
using Kiwi.User.Client.Models;
using Kiwi.User.Client.Models.Requests;
using Kiwi.User.Client.Sessions;
using Moq;

namespace Kiwi.User.Client.Tests.Sessions;

public sealed class KiwiSessionTests
{
    private static readonly KiwiError InvalidRefreshToken = new(20005, "Forbidden: invalid refresh token");
    private readonly SessionFixture fixture = new();

    [Fact]
    public async Task Hands_out_the_stored_token_until_the_refresh_buffer_begins()
    {
        var session = await fixture.StartAsync();
        fixture.RefreshAnswers("token-2");

        fixture.Clock.SetUtcNow(SessionFixture.AccessExpiry - TimeSpan.FromSeconds(61));
        var early = await session.GetAccessTokenAsync();

        Assert.Equal("token-1", early);
        fixture.VerifyRefreshes(Times.Never());
    }

    [Fact]
    public async Task Refreshes_once_the_token_is_within_sixty_seconds_of_its_expiry()
    {
        var session = await fixture.StartAsync();
        fixture.RefreshAnswers("token-2");

        fixture.Clock.SetUtcNow(SessionFixture.AccessExpiry - TimeSpan.FromSeconds(59));
        var refreshed = await session.GetAccessTokenAsync();
        var again = await session.GetAccessTokenAsync();

        Assert.Equal("token-2", refreshed);
        Assert.Equal("token-2", again);
        fixture.VerifyRefreshes(Times.Once());
        fixture.Client.Verify(c => c.RefreshAsync(
            It.Is<RefreshTokenRequest>(r => r.UserId == "1864213360487714816"
                && r.RefreshToken == "0123456789abcdef0123456789abcdef01234567" && r.Device == SessionFixture.Device),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Fifty_concurrent_callers_share_one_refresh()
    {
        var session = await fixture.StartAsync();
        var refresh = fixture.HoldRefreshes();
        fixture.Clock.Advance(TimeSpan.FromSeconds(570));

        var callers = Enumerable.Range(0, 50).Select(_ => session.GetAccessTokenAsync()).ToArray();
        refresh.SetResult(SessionFixture.Login("token-2", fixture.Clock.GetUtcNow().AddSeconds(600)));
        var tokens = await Task.WhenAll(callers);

        Assert.All(tokens, t => Assert.Equal("token-2", t));
        fixture.VerifyRefreshes(Times.Once());
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_shared_refresh()
    {
        var session = await fixture.StartAsync();
        var refresh = fixture.HoldRefreshes();
        fixture.Clock.Advance(TimeSpan.FromSeconds(600));
        using var impatient = new CancellationTokenSource();

        var first = session.GetAccessTokenAsync(impatient.Token);
        var second = session.GetAccessTokenAsync();
        await impatient.CancelAsync();
        refresh.SetResult(SessionFixture.Login("token-2", fixture.Clock.GetUtcNow().AddSeconds(600)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal("token-2", await second);
        fixture.VerifyRefreshes(Times.Once());
    }

    [Fact]
    public async Task A_refused_refresh_ends_the_session_with_an_event_and_an_exception()
    {
        var session = await fixture.StartAsync();
        fixture.RefreshAnswers(() => throw new KiwiUserForbiddenException(InvalidRefreshToken));
        fixture.Clock.Advance(TimeSpan.FromSeconds(600));

        var ended = await Assert.ThrowsAsync<KiwiSessionEndedException>(() => session.GetAccessTokenAsync());
        var afterwards = await Assert.ThrowsAsync<KiwiSessionEndedException>(() => session.GetAccessTokenAsync());

        Assert.Equal(KiwiSessionEndReason.RefreshRefused, ended.Reason);
        Assert.IsType<KiwiUserForbiddenException>(ended.InnerException);
        Assert.Equal(KiwiSessionEndReason.NotFound, afterwards.Reason);
        var raised = Assert.Single(fixture.Ended);
        Assert.Equal(("s1", KiwiSessionEndReason.RefreshRefused), (raised.SessionKey, raised.Reason));
        Assert.Null(await fixture.Store.GetAsync("s1"));
    }

    [Fact]
    public async Task An_unavailable_kiwi_user_inside_the_buffer_keeps_the_still_valid_token()
    {
        var session = await fixture.StartAsync();
        fixture.RefreshAnswers(() => throw new KiwiUserUnavailableException("down"));
        fixture.Clock.Advance(TimeSpan.FromSeconds(570));

        var token = await session.GetAccessTokenAsync();

        Assert.Equal("token-1", token);
        Assert.Empty(fixture.Ended);
    }

    [Fact]
    public async Task An_unavailable_kiwi_user_after_the_expiry_fails_the_call_but_keeps_the_session()
    {
        var session = await fixture.StartAsync();
        fixture.RefreshAnswers(() => throw new KiwiUserUnavailableException("down"));
        fixture.Clock.Advance(TimeSpan.FromSeconds(600));

        await Assert.ThrowsAsync<KiwiUserUnavailableException>(() => session.GetAccessTokenAsync());

        Assert.Empty(fixture.Ended);
        Assert.NotNull(await fixture.Store.GetAsync("s1"));
    }

    [Fact]
    public async Task An_expired_refresh_token_ends_the_session_without_a_call()
    {
        var session = await fixture.StartAsync();
        fixture.Clock.Advance(TimeSpan.FromDays(1));

        var ended = await Assert.ThrowsAsync<KiwiSessionEndedException>(() => session.GetAccessTokenAsync());

        Assert.Equal(KiwiSessionEndReason.RefreshTokenExpired, ended.Reason);
        Assert.Equal(KiwiSessionEndReason.RefreshTokenExpired, Assert.Single(fixture.Ended).Reason);
        fixture.VerifyRefreshes(Times.Never());
    }

    [Fact]
    public async Task Renewing_a_rejected_token_refreshes_even_before_the_buffer()
    {
        var session = await fixture.StartAsync();
        fixture.RefreshAnswers("token-2");

        var renewed = await session.RenewAccessTokenAsync("token-1");
        var stale = await session.RenewAccessTokenAsync("token-1");

        Assert.Equal("token-2", renewed);
        Assert.Equal("token-2", stale);
        fixture.VerifyRefreshes(Times.Once());
    }

    [Fact]
    public async Task Logout_calls_kiwi_user_with_the_device_and_forgets_the_session()
    {
        var session = await fixture.StartAsync();
        fixture.AcceptLogout();

        await session.LogoutAsync();

        fixture.Client.Verify(c => c.LogoutAsync("token-1",
            new LogoutRequest("0123456789abcdef0123456789abcdef01234567", SessionFixture.Device),
            It.IsAny<CancellationToken>()));
        Assert.Equal(KiwiSessionEndReason.LoggedOut, Assert.Single(fixture.Ended).Reason);
        await Assert.ThrowsAsync<KiwiSessionEndedException>(() => session.GetAccessTokenAsync());
    }

    [Fact]
    public async Task Logout_of_a_session_kiwi_user_already_ended_still_succeeds()
    {
        var session = await fixture.StartAsync();
        fixture.Client
            .Setup(c => c.LogoutAsync(It.IsAny<string>(), It.IsAny<LogoutRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new KiwiUserForbiddenException(InvalidRefreshToken));

        await session.LogoutAsync();

        Assert.Null(await fixture.Store.GetAsync("s1"));
    }

    [Fact]
    public async Task Logout_while_kiwi_user_is_down_forgets_the_session_and_says_so()
    {
        var session = await fixture.StartAsync();
        fixture.Client
            .Setup(c => c.LogoutAsync(It.IsAny<string>(), It.IsAny<LogoutRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new KiwiUserUnavailableException("down", HttpStatusCode.BadGateway));

        await Assert.ThrowsAsync<KiwiUserUnavailableException>(() => session.LogoutAsync());

        Assert.Null(await fixture.Store.GetAsync("s1"));
        Assert.Equal(KiwiSessionEndReason.LoggedOut, Assert.Single(fixture.Ended).Reason);
    }

    [Fact]
    public async Task Logout_that_kiwi_user_refuses_with_401_still_forgets_the_session()
    {
        var session = await fixture.StartAsync();
        fixture.Client
            .Setup(c => c.LogoutAsync(It.IsAny<string>(), It.IsAny<LogoutRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new KiwiUserException(HttpStatusCode.Unauthorized, new KiwiError(20003, "Unauthorized")));

        var exception = await Assert.ThrowsAsync<KiwiUserException>(() => session.LogoutAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Null(await fixture.Store.GetAsync("s1"));
        Assert.Equal(KiwiSessionEndReason.LoggedOut, Assert.Single(fixture.Ended).Reason);
    }

    [Fact]
    public async Task A_refresh_that_finishes_after_a_logout_does_not_bring_the_session_back()
    {
        var session = await fixture.StartAsync();
        var refresh = fixture.HoldRefreshes();
        fixture.AcceptLogout();

        var renewal = session.RenewAccessTokenAsync("token-1");
        await session.LogoutAsync();
        refresh.SetResult(SessionFixture.Login("token-2", fixture.Clock.GetUtcNow().AddSeconds(600)));

        await Assert.ThrowsAsync<KiwiSessionEndedException>(() => renewal);
        Assert.Null(await fixture.Store.GetAsync("s1"));
        await Assert.ThrowsAsync<KiwiSessionEndedException>(() => session.GetAccessTokenAsync());
    }

    [Fact]
    public async Task A_refresh_that_finishes_after_a_new_login_under_the_key_does_not_overwrite_it()
    {
        var session = await fixture.StartAsync();
        var refresh = fixture.HoldRefreshes();
        var other = SessionFixture.Login("token-of-the-new-login", SessionFixture.AccessExpiry) with
        {
            UserId = "1864213360487714999",
            RefreshToken = "ffffffffffffffffffffffffffffffffffffffff",
        };

        var renewal = session.RenewAccessTokenAsync("token-1");
        await fixture.Manager.StartAsync("s1", other);
        refresh.SetResult(SessionFixture.Login("token-2", fixture.Clock.GetUtcNow().AddSeconds(600)));

        Assert.Equal("token-of-the-new-login", await renewal);
        Assert.Equal("1864213360487714999", (await fixture.Store.GetAsync("s1"))!.UserId);
        Assert.Equal("token-of-the-new-login", await session.GetAccessTokenAsync());
    }

    [Fact]
    public async Task An_unknown_key_is_a_session_that_has_ended()
    {
        var exception = await Assert.ThrowsAsync<KiwiSessionEndedException>(
            () => fixture.Manager.GetSession("nobody").GetAccessTokenAsync());

        Assert.Equal(KiwiSessionEndReason.NotFound, exception.Reason);
        Assert.Empty(fixture.Ended);
    }
}
