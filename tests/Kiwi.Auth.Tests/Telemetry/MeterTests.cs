using System.Diagnostics.Metrics;
using System.Net;
using Kiwi.Auth.Health;
using Kiwi.Auth.Tests.Infrastructure;
using Kiwi.Auth.Validation;
using Kiwi.Auth.Validation.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Kiwi.Auth.Tests.Telemetry;

/// <summary>The instruments of the <c>Kiwi.Auth</c> meter, read through the host's own meter factory so that other
/// tests running at the same time do not count.</summary>
public sealed class MeterTests
{
    [Fact]
    public async Task Counts_each_verdict_by_result_reason_and_source()
    {
        await using var api = await TestApi.StartAsync();
        var known = TestTokens.Create("1000");
        api.KiwiUser.Respond = async (request, _) =>
            (await request.Content!.ReadAsStringAsync(CancellationToken.None)).Contains(known, StringComparison.Ordinal)
                ? FakeKiwiUser.Verdict("1000")
                : FakeKiwiUser.Rejected();
        using var verdicts = Collect<long>(api.Services, "kiwi_auth.verdicts");

        await SendAsync(api, TestTokens.Create("1000"));
        await SendAsync(api, TestTokens.Create("1000"));
        await SendAsync(api, TestTokens.Create("2000"));
        await SendAsync(api, TestTokens.Create("3000", exp: 1700000100));
        await SendAsync(api, "not-a-token");

        Assert.Equal(
            [
                "valid//remote",
                "valid//cache",
                "invalid/rejected_by_kiwi_user/remote",
                "invalid/expired/precheck",
                "invalid/malformed/precheck",
            ],
            Describe(verdicts));
    }

    [Fact]
    public async Task Counts_an_unanswered_verify_as_unavailable_with_its_reason()
    {
        await using var api = await TestApi.StartAsync(o => o.Retries = 0);
        api.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Status(500));
        using var verdicts = Collect<long>(api.Services, "kiwi_auth.verdicts");

        var status = await SendAsync(api, TestTokens.Create("4000"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(["unavailable/kiwi_user_unavailable/remote"], Describe(verdicts));
    }

    [Fact]
    public async Task Counts_a_request_let_in_by_the_local_bypass()
    {
        await using var api = await TestApi.StartAsync(
            o => o.LocalBypass.Enabled = true, environment: "Development");
        using var verdicts = Collect<long>(api.Services, "kiwi_auth.verdicts");

        var status = await SendAsync(api, token: null);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["valid//bypass"], Describe(verdicts));
    }

    [Fact]
    public async Task Counts_cache_hits_and_misses()
    {
        await using var api = await TestApi.StartAsync();
        api.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Verdict(TestTokens.UserId));
        using var lookups = Collect<long>(api.Services, "kiwi_auth.cache.lookups");

        await SendAsync(api, TestTokens.Create());
        await SendAsync(api, TestTokens.Create());
        await SendAsync(api, TestTokens.Create());

        Assert.Equal(["miss", "hit", "hit"], lookups.GetMeasurementSnapshot().Select(m => (string)m.Tags["result"]!));
    }

    [Fact]
    public async Task Times_each_call_to_kiwi_user_with_its_operation_and_outcome_retries_included()
    {
        await using var api = await TestApi.StartAsync(o => o.Retries = 1);
        api.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Status(503));
        using var durations = Collect<double>(api.Services, "kiwi_auth.kiwi_user.duration");

        await SendAsync(api, TestTokens.Create("5000"));
        api.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Verdict("6000"));
        await SendAsync(api, TestTokens.Create("6000"));

        var calls = durations.GetMeasurementSnapshot();
        Assert.Equal(3, api.KiwiUser.Calls);
        Assert.Equal(
            ["verify/server_error", "verify/success"],
            calls.Select(m => $"{m.Tags["operation"]}/{m.Tags["outcome"]}"));
        Assert.All(calls, m => Assert.InRange(m.Value, 0, 60));
    }

    [Fact]
    public async Task Counts_public_key_fetches_by_outcome()
    {
        var endpoint = new Local.FakePublicKeyEndpoint(Fixtures.FixtureTokens.PublicKeyPem);
        await using var harness = new ValidatorHarness(
            o => (o.Mode, o.Retries) = (KiwiAuthMode.Local, 0),
            after: s => s.AddHttpClient(KiwiAuthDefaults.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => endpoint));
        using var refreshes = Collect<long>(harness.Services, "kiwi_auth.public_key.refreshes");
        var store = harness.Services.GetRequiredService<KiwiPublicKeyStore>();

        await store.RefreshAsync(CancellationToken.None);
        await store.RefreshAsync(CancellationToken.None);
        endpoint.Pem = "no key here";
        await store.RefreshAsync(CancellationToken.None);
        endpoint.FailWith = HttpStatusCode.InternalServerError;
        await store.RefreshAsync(CancellationToken.None);

        Assert.Equal(
            ["changed", "unchanged", "unreadable", "failed"],
            refreshes.GetMeasurementSnapshot().Select(m => (string)m.Tags["outcome"]!));
    }

    [Fact]
    public async Task Counts_each_state_the_circuit_breaker_enters()
    {
        var time = new FakeTimeProvider();
        await using var harness = new ValidatorHarness(Breaker, time);
        using var changes = Collect<long>(harness.Services, "kiwi_auth.circuit_breaker.state_changes");
        harness.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Status(500));
        await harness.ValidateAsync();
        await harness.ValidateAsync();
        var openState = harness.Services.GetRequiredService<KiwiUserCircuitState>().Current;

        time.Advance(TimeSpan.FromSeconds(11));
        harness.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Verdict(TestTokens.UserId));
        var trial = await harness.ValidateAsync();

        Assert.Equal(Polly.CircuitBreaker.CircuitState.Open, openState);
        Assert.Equal(TokenVerdictKind.Valid, trial.Kind);
        Assert.Equal(
            ["open", "half_open", "closed"],
            changes.GetMeasurementSnapshot().Select(m => (string)m.Tags["state"]!));
    }

    internal static void Breaker(KiwiAuthOptions options)
    {
        options.Retries = 0;
        options.CircuitBreaker.MinimumThroughput = 2;
        options.CircuitBreaker.FailureRatio = 0.5;
        options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(10);
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
    }

    private static MetricCollector<T> Collect<T>(IServiceProvider services, string instrument)
        where T : struct =>
        new(services.GetRequiredService<IMeterFactory>(), KiwiAuthTelemetry.MeterName, instrument);

    private static IEnumerable<string> Describe(MetricCollector<long> verdicts) =>
        verdicts.GetMeasurementSnapshot().Select(m =>
            $"{m.Tags["result"]}/{(m.Tags.TryGetValue("reason", out var reason) ? reason : "")}/{m.Tags["source"]}");

    private static async Task<HttpStatusCode> SendAsync(TestApi api, string? token)
    {
        using var request = token is null ? TestApi.Get("/user") : TestApi.GetWithBearer("/user", token);
        using var response = await api.Client.SendAsync(request);
        return response.StatusCode;
    }
}
