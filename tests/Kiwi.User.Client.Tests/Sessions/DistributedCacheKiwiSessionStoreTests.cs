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

    [Theory]
    [InlineData("{\"user_id\":\"1864213360487714816\",\"device\":{\"device_type\":\"web\"")]
    [InlineData("not json at all")]
    [InlineData("{\"session\":\"of another application\"}")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"user_id\":null,\"device\":null,\"access_token\":null,\"access_token_expires_at\":"
        + "\"2026-12-04T12:10:00+00:00\",\"refresh_token\":null,"
        + "\"refresh_token_expires_at\":\"2026-12-05T12:00:00+00:00\"}")]
    [InlineData("{\"user_id\":\"1\",\"device\":{\"device_type\":null},\"access_token\":\"t\","
        + "\"access_token_expires_at\":\"2026-12-04T12:10:00+00:00\",\"refresh_token\":\"r\","
        + "\"refresh_token_expires_at\":\"2026-12-05T12:00:00+00:00\"}")]
    [InlineData("{\"user_id\":1,\"access_token_expires_at\":\"tomorrow\"}")]
    public async Task A_corrupt_or_foreign_entry_reads_as_no_session(string stored)
    {
        var store = new DistributedCacheKiwiSessionStore(cache, clock);
        cache.Set("kiwi-session:s1", System.Text.Encoding.UTF8.GetBytes(stored), new());

        Assert.Null(await store.GetAsync("s1"));
    }

    [Fact]
    public async Task A_session_whose_entry_is_corrupt_is_over()
    {
        var store = new DistributedCacheKiwiSessionStore(cache, clock);
        var client = new Moq.Mock<IKiwiUserClient>(Moq.MockBehavior.Strict);
        var manager = new KiwiSessionManager(
            client.Object, store, Microsoft.Extensions.Options.Options.Create(new KiwiSessionOptions()), clock);
        cache.Set("kiwi-session:s1", [0x7b, 0x22, 0xff, 0xfe], new());

        var exception = await Assert.ThrowsAsync<KiwiSessionEndedException>(
            () => manager.GetSession("s1").GetAccessTokenAsync());

        Assert.Equal(KiwiSessionEndReason.NotFound, exception.Reason);
    }
}
