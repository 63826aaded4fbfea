using System.Collections.Concurrent;
using System.Diagnostics;
using Kiwi.Auth.Tests.Infrastructure;
using Kiwi.Auth.Tokens;

namespace Kiwi.Auth.Tests.Telemetry;

/// <summary>The <c>Kiwi.Auth</c> activity source. Activities are process-wide, so each test follows only the
/// tokens it made itself, by their short hash.</summary>
public sealed class ActivityTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public ActivityTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == KiwiAuthTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task Starts_one_activity_per_validation_and_none_for_a_cache_hit()
    {
        await using var api = await TestApi.StartAsync();
        api.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Verdict("7100"));
        var token = TestTokens.Create("7100");

        await SendAsync(api, token);
        await SendAsync(api, token);

        var activity = Assert.Single(Of(token));
        Assert.Equal("kiwi_auth.validate", activity.OperationName);
        Assert.Equal("remote", activity.GetTagItem("kiwi_auth.mode"));
        Assert.Equal("valid", activity.GetTagItem("kiwi_auth.result"));
        Assert.Equal(KiwiToken.ComputeHash(token)[..12], activity.GetTagItem("kiwi_auth.token_hash"));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
    }

    [Fact]
    public async Task Tags_an_unavailable_verdict_as_an_error_with_its_reason()
    {
        await using var api = await TestApi.StartAsync(o => o.Retries = 0);
        api.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Status(502));
        var token = TestTokens.Create("7200");

        await SendAsync(api, token);

        var activity = Assert.Single(Of(token));
        Assert.Equal("unavailable", activity.GetTagItem("kiwi_auth.result"));
        Assert.Equal("kiwi_user_unavailable", activity.GetTagItem("kiwi_auth.reason"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
    }

    [Fact]
    public async Task Tags_hold_neither_the_token_nor_a_claim_value()
    {
        await using var api = await TestApi.StartAsync(o => o.CacheDuration = TimeSpan.Zero);
        api.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Rejected());
        var token = TestTokens.Create("7300", scopes: ["secret-scope"]);

        await SendAsync(api, token);
        await SendAsync(api, token);

        var activities = Of(token);
        Assert.Equal(2, activities.Count);
        var values = activities.SelectMany(a => a.TagObjects).Select(t => t.Value?.ToString() ?? "").ToList();
        Assert.Contains("invalid", values);
        foreach (var forbidden in token.Split('.').Append(token).Concat(["7300", "secret-scope", "kiwi-demo"]))
        {
            Assert.DoesNotContain(values, v => v.Contains(forbidden, StringComparison.Ordinal));
        }
    }

    public void Dispose() => _listener.Dispose();

    private List<Activity> Of(string token)
    {
        var hash = KiwiToken.ComputeHash(token)[..12];
        return _stopped.Where(a => (a.GetTagItem("kiwi_auth.token_hash") as string) == hash).ToList();
    }

    private static async Task SendAsync(TestApi api, string token)
    {
        using var request = TestApi.GetWithBearer("/user", token);
        using var response = await api.Client.SendAsync(request);
    }
}
