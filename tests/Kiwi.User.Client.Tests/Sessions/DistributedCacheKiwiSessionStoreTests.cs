using Kiwi.User.Client.Sessions;
using Kiwi.User.Client.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Kiwi.User.Client.Tests.Sessions;

public sealed class DistributedCacheKiwiSessionStoreTests
{
    private readonly FakeDistributedCache cache = new();
    private readonly FakeTimeProvider clock = new(SessionFixture.Start);

    [Fact]
    public async Task Stores_the_tokens_as_json_until_the_refresh_token_expires()
    {
        var store = new DistributedCacheKiwiSessionStore(cache, clock);
        var tokens = KiwiSessionTokens.FromLogin(SessionFixture.Login("token-1", SessionFixture.Start.AddSeconds(600)));

        await store.SetAsync("s1", tokens);
        var read = await store.GetAsync("s1");

        Assert.Equal(tokens, read);
        var (bytes, entry) = cache.Entries["kiwi-session:s1"];
        Assert.Equal(TimeSpan.FromDays(1), entry.AbsoluteExpirationRelativeToNow);
        Assert.Contains("\"refresh_token\"", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removes_a_session_and_stores_no_expired_one()
    {
        var store = new DistributedCacheKiwiSessionStore(cache, clock);
        var tokens = KiwiSessionTokens.FromLogin(SessionFixture.Login("token-1", SessionFixture.Start.AddSeconds(600)));
        await store.SetAsync("s1", tokens);

        await store.RemoveAsync("s1");
        clock.Advance(TimeSpan.FromDays(2));
        await store.SetAsync("s2", tokens);

        Assert.Null(await store.GetAsync("s1"));
        Assert.Null(await store.GetAsync("s2"));
    }
}
