using Kiwi.User.Client.Models;
using Kiwi.User.Client.Models.Requests;
using Kiwi.User.Client.Sessions;
using Kiwi.User.Client.Tests.Fakes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kiwi.User.Client.Tests.Sessions;

/// <summary>Two instances of a web farm sharing sessions through one distributed cache.</summary>
public sealed class SharedStoreTests
{
    private readonly FakeTimeProvider clock = new(SessionFixture.Start);
    private readonly Mock<IKiwiUserClient> client = new(MockBehavior.Strict);
    private readonly FakeDistributedCache cache = new();

    [Fact]
    public async Task A_token_refreshed_by_one_instance_is_used_by_the_other_without_another_refresh()
    {
        client.Setup(c => c.RefreshAsync(It.IsAny<RefreshTokenRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => SessionFixture.Login("token-2", clock.GetUtcNow().AddSeconds(600)));
        var first = Instance();
        var second = Instance();
        await first.StartAsync("user-7", SessionFixture.Login("token-1", SessionFixture.AccessExpiry));

        clock.Advance(TimeSpan.FromSeconds(570));
        var refreshedHere = await first.GetSession("user-7").GetAccessTokenAsync();
        var seenThere = await second.GetSession("user-7").GetAccessTokenAsync();

        Assert.Equal(("token-2", "token-2"), (refreshedHere, seenThere));
        client.Verify(
            c => c.RefreshAsync(It.IsAny<RefreshTokenRequest>(), It.IsAny<CancellationToken>()), Times.Once());
    }

    [Fact]
    public async Task A_logout_on_one_instance_ends_the_session_on_the_other()
    {
        client.Setup(c => c.LogoutAsync(It.IsAny<string>(), It.IsAny<LogoutRequest>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        var first = Instance();
        var second = Instance();
        await first.StartAsync("user-7", SessionFixture.Login("token-1", SessionFixture.AccessExpiry));

        await first.GetSession("user-7").LogoutAsync();

        var exception = await Assert.ThrowsAsync<KiwiSessionEndedException>(
            () => second.GetSession("user-7").GetAccessTokenAsync());
        Assert.Equal(KiwiSessionEndReason.NotFound, exception.Reason);
    }

    private KiwiSessionManager Instance() => new(
        client.Object,
        new DistributedCacheKiwiSessionStore(cache, clock),
        Options.Create(new KiwiSessionOptions()),
        clock);
}
