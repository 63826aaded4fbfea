using System.Net;
using System.Security.Cryptography;
using Kiwi.Auth.EndToEnd.Tests.Infrastructure;
using Kiwi.User.Emulator;

namespace Kiwi.Auth.EndToEnd.Tests;

/// <summary>
/// kiwi-user misbehaving for real, through the emulator's fault injection: the sample must answer 503 with
/// Retry-After (never 401, never 500, never let in), with a bounded number of verify calls. The attempt timeout
/// is generous so that a cold, starved CI machine never turns a quick fault into a timeout; only the latency test
/// shortens it. The verdict cache is off so that every request reaches the pipeline.
/// </summary>
public sealed class FaultTests
{
    private const string Verify = "/v1/token/verify";

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["KiwiAuth:Timeout"] = "00:00:05",
        ["KiwiAuth:TotalTimeout"] = "00:00:20",
        ["KiwiAuth:Retries"] = "2",
        ["KiwiAuth:RetryDelay"] = "00:00:00.010",
        ["KiwiAuth:CacheDuration"] = "00:00:00",
        ["KiwiAuth:NegativeCacheDuration"] = "00:00:00",
        ["KiwiAuth:CircuitBreaker:MinimumThroughput"] = "1000",
    };

    [Fact]
    public async Task Latency_above_the_attempt_timeout_gets_503_after_bounded_retries()
    {
        await using var setup = await Setup.StartAsync(new Dictionary<string, string>(Settings)
        {
            ["KiwiAuth:Timeout"] = "00:00:00.300",
        });
        Inject(setup, EmulatorFaultKind.Latency, latency: TimeSpan.FromSeconds(30));

        using var response = await setup.Sample.GetAsync("/v1/profile", setup.Token);

        await KiwiHttp.AssertUnavailableAsync(response);
        Assert.Equal(2, setup.Sample.LogCount("KiwiUserCallRetrying"));

        // An attempt that times out before the emulator's dispatcher sees it (a starved CI machine) is not counted.
        Assert.InRange(setup.Emulator.Control.RequestCount(Verify), 1, 3);
    }

    [Fact]
    public async Task A_burst_of_500s_shorter_than_the_retries_is_absorbed()
    {
        await using var setup = await Setup.StartAsync(Settings);
        Inject(setup, EmulatorFaultKind.Status, count: 2);

        using var response = await setup.Sample.GetAsync("/v1/profile", setup.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, setup.Emulator.Control.RequestCount(Verify));
    }

    [Theory]
    [InlineData(EmulatorFaultKind.Status, 500)]
    [InlineData(EmulatorFaultKind.Status, 503)]
    [InlineData(EmulatorFaultKind.Html, 502)]
    [InlineData(EmulatorFaultKind.DropConnection, 500)]
    public async Task A_lasting_fault_gets_503_after_bounded_retries(EmulatorFaultKind kind, int status)
    {
        await using var setup = await Setup.StartAsync(Settings);
        Inject(setup, kind, status: status);

        using var response = await setup.Sample.GetAsync("/v1/profile", setup.Token);

        await KiwiHttp.AssertUnavailableAsync(response);
        Assert.Equal(3, setup.Emulator.Control.RequestCount(Verify));
    }

    [Fact]
    public async Task A_truncated_body_gets_503()
    {
        await using var setup = await Setup.StartAsync(Settings);
        Inject(setup, EmulatorFaultKind.TruncatedBody);

        using var response = await setup.Sample.GetAsync("/v1/profile", setup.Token);

        await KiwiHttp.AssertUnavailableAsync(response);
        Assert.InRange(setup.Emulator.Control.RequestCount(Verify), 1, 3);
    }

    [Fact]
    public async Task Nobody_gets_in_during_an_outage_and_bad_tokens_still_get_401()
    {
        await using var setup = await Setup.StartAsync(Settings);
        await using var other = await KiwiUserEmulator.StartAsync();
        var forged = other.Control.IssueAccessToken(KiwiHttp.AliceId);
        var expired = setup.Emulator.Control.IssueAccessToken(KiwiHttp.AliceId, lifetime: TimeSpan.FromMinutes(-10));
        Inject(setup, EmulatorFaultKind.Status);

        using var valid = await setup.Sample.GetAsync("/v1/profile", setup.Token);
        using var forgedAnswer = await setup.Sample.GetAsync("/v1/profile", forged);
        using var expiredAnswer = await setup.Sample.GetAsync("/v1/profile", expired);
        using var garbage = await setup.Sample.GetAsync("/v1/profile", "not.a.token");

        await KiwiHttp.AssertUnavailableAsync(valid);
        await KiwiHttp.AssertUnavailableAsync(forgedAnswer);
        Assert.Equal(HttpStatusCode.Unauthorized, expiredAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
    }

    [Fact]
    public async Task The_breaker_opens_fails_fast_and_closes_when_kiwi_user_recovers()
    {
        await using var setup = await Setup.StartAsync(new Dictionary<string, string>(Settings)
        {
            ["KiwiAuth:Retries"] = "0",
            ["KiwiAuth:CircuitBreaker:MinimumThroughput"] = "2",
            ["KiwiAuth:CircuitBreaker:FailureRatio"] = "0.5",
            // Long enough that the five fast-failing requests after the opening all fall inside the break.
            ["KiwiAuth:CircuitBreaker:BreakDuration"] = "00:00:04",
        });
        Inject(setup, EmulatorFaultKind.Status);

        for (var i = 0; i < 7; i++)
        {
            using var response = await setup.Sample.GetAsync("/v1/profile", setup.Token);
            await KiwiHttp.AssertUnavailableAsync(response);
        }

        Assert.Equal(2, setup.Emulator.Control.RequestCount(Verify));
        Assert.Equal(1, setup.Sample.LogCount("KiwiUserCircuitOpened"));
        Assert.DoesNotContain(setup.Sample.Logs.GetSnapshot(),
            r => r.Category?.StartsWith("System.Net.Http.HttpClient.Kiwi.Auth", StringComparison.Ordinal) == true);

        setup.Emulator.Control.ClearFaults();
        await EventuallyOkAsync(setup.Sample, setup.Token);

        Assert.Equal(3, setup.Emulator.Control.RequestCount(Verify));
        Assert.Equal(1, setup.Sample.LogCount("KiwiUserCircuitClosed"));
    }

    [Fact]
    public async Task Kiwi_user_stopped_gets_503_and_restarted_lets_users_back_in()
    {
        using var key = RSA.Create(2048);
        var pem = key.ExportRSAPrivateKeyPem();
        var emulator = await KiwiUserEmulator.StartAsync(new KiwiUserEmulatorOptions { SigningKeyPem = pem });
        var address = emulator.BaseAddress;
        await using var sample = await SampleServer.StartAsync(address, settings: Settings);
        var token = await KiwiHttp.LoginAsync(address, "alice", "alice-password");

        await emulator.DisposeAsync();
        using (var down = await sample.GetAsync("/v1/profile", token))
        {
            await KiwiHttp.AssertUnavailableAsync(down);
        }

        await using var restarted = await KiwiUserEmulator.StartAsync(
            new KiwiUserEmulatorOptions { SigningKeyPem = pem, Url = address.GetLeftPart(UriPartial.Authority) });
        await EventuallyOkAsync(sample, token);
    }

    private static void Inject(
        Setup setup, EmulatorFaultKind kind, int status = 500, int? count = null, TimeSpan latency = default) =>
        setup.Emulator.Control.InjectFault(new EmulatorFault
        {
            Path = Verify, Kind = kind, StatusCode = status, Count = count, Latency = latency,
        });

    /// <summary>Polls until the request succeeds: the breaker's break and a restart take real time.</summary>
    private static async Task EventuallyOkAsync(SampleServer sample, string token)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var response = await sample.GetAsync("/v1/profile", token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await KiwiHttp.AssertUnavailableAsync(response);
            await Task.Delay(100, timeout.Token);
        }
    }

    private sealed class Setup : IAsyncDisposable
    {
        private Setup(KiwiUserEmulator emulator, SampleServer sample, string token)
        {
            Emulator = emulator;
            Sample = sample;
            Token = token;
        }

        public KiwiUserEmulator Emulator { get; }

        public SampleServer Sample { get; }

        public string Token { get; }

        public static async Task<Setup> StartAsync(IReadOnlyDictionary<string, string> settings)
        {
            var emulator = await KiwiUserEmulator.StartAsync();
            var sample = await SampleServer.StartAsync(emulator.BaseAddress, settings: settings);
            var token = await KiwiHttp.LoginAsync(emulator.BaseAddress, "alice", "alice-password");
            emulator.Control.ResetCounters();
            return new Setup(emulator, sample, token);
        }

        public async ValueTask DisposeAsync()
        {
            await Sample.DisposeAsync();
            await Emulator.DisposeAsync();
        }
    }
}
