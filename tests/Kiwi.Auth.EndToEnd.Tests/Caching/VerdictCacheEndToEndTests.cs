using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Kiwi.User.Emulator;
using Microsoft.Extensions.Logging;

namespace Kiwi.Auth.EndToEnd.Tests.Caching;

/// <summary>The verdict cache over real servers: the emulator as kiwi-user, Kestrel API hosts, a real Redis.
/// </summary>
public sealed class VerdictCacheEndToEndTests
{
    private const string Verify = "/v1/token/verify";
    private const string UserId = "1864213360487714816";
    private const string SecondUserId = "1864213360487714818";
    private const string OrganizationId = "0b7e5a1c-9f3d-4c2b-8e6a-5d4c3b2a1f0e";

    [Fact]
    public async Task Two_hundred_concurrent_requests_with_one_new_token_cause_exactly_one_verify_call()
    {
        await using var emulator = await StartEmulatorAsync();
        await using var api = await CachingApiHost.StartAsync(emulator.BaseAddress);
        var token = NewToken(emulator);

        // Slow verify, so that the requests really are in flight together.
        emulator.Control.InjectFault(new EmulatorFault
        {
            Path = Verify, Kind = EmulatorFaultKind.Latency, Latency = TimeSpan.FromMilliseconds(500), Count = 1,
        });
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => api.GetClaimsAsync(token)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, emulator.Control.RequestCount(Verify));
    }

    [Fact]
    public async Task Two_api_instances_sharing_redis_verify_a_token_used_on_both_once_and_agree_on_its_claims()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var emulator = await StartEmulatorAsync();
        await using var first = await CachingApiHost.StartAsync(emulator.BaseAddress, redis.Configuration);
        await using var second = await CachingApiHost.StartAsync(emulator.BaseAddress, redis.Configuration);
        var token = emulator.Control.IssueAccessToken(SecondUserId, deviceId: Guid.NewGuid().ToString(),
            organizationId: OrganizationId);

        using var fromFirst = await first.GetClaimsAsync(token);
        using var fromSecond = await second.GetClaimsAsync(token);

        Assert.Equal(HttpStatusCode.OK, fromFirst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromSecond.StatusCode);
        Assert.Equal(1, emulator.Control.RequestCount(Verify));
        var validated = await ClaimsAsync(fromFirst);
        var readBack = await ClaimsAsync(fromSecond);
        Assert.Equal(validated, readBack);
        Assert.Contains(("sub", SecondUserId), readBack);
        Assert.Contains((ClaimTypes.Role, "user"), readBack);
        Assert.Contains(("scope", "read"), readBack);
        Assert.Contains(("scope", "write"), readBack);
        Assert.Contains(("organization_id", OrganizationId), readBack);
        Assert.Contains(readBack, c => c.Value == "固定用户");
        Assert.Contains(readBack, c => c.Type != "organization_id" && c.Value == OrganizationId);
    }

    [Fact]
    public async Task A_valid_verdict_is_not_served_one_second_after_the_tokens_exp()
    {
        await using var emulator = await StartEmulatorAsync();
        await using var api = await CachingApiHost.StartAsync(emulator.BaseAddress,
            configure: o => o.CacheDuration = TimeSpan.FromMinutes(5));
        // Long enough for a first request on a slow machine; exp is whole seconds, never later than this estimate.
        var token = NewToken(emulator, TimeSpan.FromSeconds(10));
        var exp = DateTimeOffset.UtcNow.AddSeconds(10);

        using var before = await api.GetClaimsAsync(token);
        await WaitUntilAsync(exp.AddSeconds(2));
        using var after = await api.GetClaimsAsync(token);

        // Within the clock skew the claim rules let the token through; the cache must not, so kiwi-user is asked.
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(2, emulator.Control.RequestCount(Verify));
    }

    [Fact]
    public async Task An_invalid_verdict_is_reused_and_then_expires_after_its_duration()
    {
        await using var emulator = await StartEmulatorAsync();
        await using var api = await CachingApiHost.StartAsync(emulator.BaseAddress,
            configure: o => o.NegativeCacheDuration = TimeSpan.FromSeconds(5));
        var stranger = emulator.Control.IssueAccessToken("1864213360487799999", deviceId: Guid.NewGuid().ToString());

        using var first = await api.GetClaimsAsync(stranger);
        using var second = await api.GetClaimsAsync(stranger);
        var countWhileCached = emulator.Control.RequestCount(Verify);
        // The two first requests fall well within the 5 s even on a starved machine.
        await WaitUntilAsync(DateTimeOffset.UtcNow.AddSeconds(5.5));
        using var third = await api.GetClaimsAsync(stranger);

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, third.StatusCode);
        Assert.Equal(1, countWhileCached);
        Assert.Equal(2, emulator.Control.RequestCount(Verify));
    }

    [Fact]
    public async Task A_kiwi_user_503_is_not_cached()
    {
        await using var emulator = await StartEmulatorAsync();
        await using var api = await CachingApiHost.StartAsync(emulator.BaseAddress);
        var token = NewToken(emulator);

        emulator.Control.InjectFault(new EmulatorFault
        {
            Path = Verify, Kind = EmulatorFaultKind.Status, StatusCode = 503, Duration = TimeSpan.FromMinutes(5),
        });
        using var outage = await api.GetClaimsAsync(token);
        var countDuringOutage = emulator.Control.RequestCount(Verify);
        emulator.Control.ClearFaults();
        using var recovered = await api.GetClaimsAsync(token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, outage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.True(emulator.Control.RequestCount(Verify) > countDuringOutage);
    }

    [Fact]
    public async Task Redis_stopped_mid_test_degrades_to_memory_with_no_500_and_no_401()
    {
        var redis = await RedisServer.StartAsync();
        await using var emulator = await StartEmulatorAsync();
        await using var first = await CachingApiHost.StartAsync(emulator.BaseAddress, redis.Configuration);
        await using var second = await CachingApiHost.StartAsync(emulator.BaseAddress, redis.Configuration);
        var known = NewToken(emulator);
        var fresh = NewToken(emulator);
        using var before = await first.GetClaimsAsync(known);

        await redis.DisposeAsync();
        var statuses = new List<HttpStatusCode>();
        foreach (var (api, token) in new[] { (first, known), (second, known), (first, fresh), (first, fresh) })
        {
            using var response = await api.GetClaimsAsync(token);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        // first: known from memory; second: known verified again; first: fresh verified once, then from memory.
        Assert.Equal(3, emulator.Control.RequestCount(Verify));
        Assert.Contains(first.Logs.Entries.Concat(second.Logs.Entries), e => e.Level >= LogLevel.Warning);
    }

    private static async Task<List<(string Type, string Value)>> ClaimsAsync(HttpResponseMessage response)
    {
        var pairs = await response.Content.ReadFromJsonAsync<string[][]>();
        return pairs!.Select(p => (p[0], p[1])).ToList();
    }

    private static Task<KiwiUserEmulator> StartEmulatorAsync() =>
        KiwiUserEmulator.StartAsync(new KiwiUserEmulatorOptions { Seed = EmulatorSeeds.Fixtures });

    /// <summary>A token no other test uses: kiwi's tokens are deterministic, so the device id makes it unique.
    /// </summary>
    private static string NewToken(KiwiUserEmulator emulator, TimeSpan? lifetime = null) =>
        emulator.Control.IssueAccessToken(UserId, deviceId: Guid.NewGuid().ToString(), lifetime: lifetime);

    private static async Task WaitUntilAsync(DateTimeOffset moment)
    {
        var wait = moment - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }
}
