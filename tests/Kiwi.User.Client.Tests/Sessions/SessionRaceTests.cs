using Kiwi.User.Client.Models;
using Kiwi.User.Client.Models.Requests;
using Kiwi.User.Client.Sessions;
using Moq;

namespace Kiwi.User.Client.Tests.Sessions;

/// <summary>A refresh that kiwi-user refuses after the session under its key already changed.</summary>
public sealed class SessionRaceTests
{
    private static readonly KiwiError InvalidRefreshToken = new(20005, "Forbidden: invalid refresh token");
    private readonly SessionFixture fixture = new();

    [Fact]
    public async Task A_refresh_refused_because_of_a_logout_does_not_announce_a_second_end()
    {
        var session = await fixture.StartAsync();
        var refresh = fixture.HoldRefreshes();
        fixture.AcceptLogout();

        var renewal = session.RenewAccessTokenAsync("token-1");
        await session.LogoutAsync();
        refresh.SetException(new KiwiUserForbiddenException(InvalidRefreshToken));

        await Assert.ThrowsAsync<KiwiSessionEndedException>(() => renewal);
        var raised = Assert.Single(fixture.Ended);
        Assert.Equal(KiwiSessionEndReason.LoggedOut, raised.Reason);
    }

    [Fact]
    public async Task A_refresh_refused_after_a_new_login_under_the_key_leaves_the_new_session_alone()
    {
        var session = await fixture.StartAsync();
        var refresh = fixture.HoldRefreshes();
        var other = SessionFixture.Login("token-of-the-new-login", SessionFixture.AccessExpiry) with
        {
            RefreshToken = "ffffffffffffffffffffffffffffffffffffffff",
        };

        var renewal = session.RenewAccessTokenAsync("token-1");
        await fixture.Manager.StartAsync("s1", other);
        refresh.SetException(new KiwiUserForbiddenException(InvalidRefreshToken));

        await Assert.ThrowsAsync<KiwiSessionEndedException>(() => renewal);
        Assert.Empty(fixture.Ended);
        Assert.Equal("ffffffffffffffffffffffffffffffffffffffff", (await fixture.Store.GetAsync("s1"))!.RefreshToken);
        Assert.Equal("token-of-the-new-login", await session.GetAccessTokenAsync());
    }
}
