using System.Diagnostics;
using System.Net;
using Kiwi.User.Emulator.Tests.Support;

namespace Kiwi.User.Emulator.Tests;

public sealed class FaultInjectionTests : EmulatorTest
{
    private const string Verify = "/v1/token/verify";
    private const string VerifyBody = "{\"access_token\":\"\"}";

    [Fact]
    public async Task A_status_fault_answers_kiwi_envelope_for_the_next_N_requests_only()
    {
        Control.InjectFault(new EmulatorFault
        {
            Path = Verify, Kind = EmulatorFaultKind.Status, StatusCode = 503, Count = 2,
        });

        var first = await Http.PostAsync(Verify, VerifyBody);
        var second = await Http.PostAsync(Verify, VerifyBody);
        var third = await Http.PostAsync(Verify, VerifyBody);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.Status);
        Assert.Equal(Envelope.Error(20001, "Server Internal Error"),
            first.Body);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
    }

    [Fact]
    public async Task A_fault_hits_only_its_route()
    {
        Control.InjectFault(new EmulatorFault { Path = Verify, Kind = EmulatorFaultKind.Status, StatusCode = 500 });

        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/ping")).Status);
        Assert.Equal(HttpStatusCode.InternalServerError, (await Http.PostAsync(Verify, VerifyBody)).Status);
    }

    [Fact]
    public async Task An_html_fault_answers_an_html_error_page()
    {
        Control.InjectFault(new EmulatorFault
        {
            Path = Verify, Kind = EmulatorFaultKind.Html, StatusCode = 502, Count = 1,
        });

        var answer = await Http.PostAsync(Verify, VerifyBody);

        Assert.Equal(HttpStatusCode.BadGateway, answer.Status);
        Assert.StartsWith("text/html", answer.ContentType);
        Assert.Contains("<h1>502 Bad Gateway</h1>", answer.Body);
    }

    [Fact]
    public async Task A_truncated_body_fault_sends_less_than_it_announces()
    {
        Control.InjectFault(new EmulatorFault { Path = "/ping", Kind = EmulatorFaultKind.TruncatedBody, Count = 1 });

        var failure = await Record.ExceptionAsync(() => Http.GetAsync("/ping"));

        Assert.IsAssignableFrom<HttpRequestException>(failure);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/ping")).Status);
    }

    [Fact]
    public async Task A_drop_connection_fault_closes_without_an_answer_and_changes_nothing()
    {
        Control.InjectFault(new EmulatorFault
        {
            Path = "/v1/login/password", Kind = EmulatorFaultKind.DropConnection, Count = 1,
        });

        var failure = await Record.ExceptionAsync(() => Http.LoginAsync("alice", "alice-password"));

        Assert.IsAssignableFrom<HttpRequestException>(failure);
        Assert.Equal(1, Control.RequestCount("/v1/login/password"));
    }

    [Fact]
    public async Task A_latency_fault_delays_then_answers_normally()
    {
        Control.InjectFault(new EmulatorFault
        {
            Path = "/ping", Kind = EmulatorFaultKind.Latency, Latency = TimeSpan.FromMilliseconds(400), Count = 1,
        });

        var watch = Stopwatch.StartNew();
        var answer = await Http.GetAsync("/ping");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(350), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task A_fault_with_a_duration_ends_when_its_window_closes()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var options = new KiwiUserEmulatorOptions { TimeProvider = time, SigningKeyPem = TestKeys.Pkcs1Pem };
        await using var emulator = await KiwiUserEmulator.StartAsync(options);
        using var http = new EmulatorHttp(emulator.BaseAddress);
        emulator.Control.InjectFault(new EmulatorFault
        {
            Path = "/ping", Kind = EmulatorFaultKind.Status, StatusCode = 500, Duration = TimeSpan.FromSeconds(10),
        });

        var during = await http.GetAsync("/ping");
        time.Advance(TimeSpan.FromSeconds(10));
        var after = await http.GetAsync("/ping");

        Assert.Equal(HttpStatusCode.InternalServerError, during.Status);
        Assert.Equal(HttpStatusCode.OK, after.Status);
    }

    [Fact]
    public async Task Clearing_faults_restores_normal_answers()
    {
        Control.InjectFault(new EmulatorFault { Path = "/ping", Kind = EmulatorFaultKind.Status, StatusCode = 500 });
        Control.ClearFaults();

        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/ping")).Status);
        Assert.Empty(Control.Faults);
    }

    [Fact]
    public async Task Counters_count_every_request_per_route_and_reset()
    {
        await Http.GetAsync("/ping");
        await Http.GetAsync("/ping");
        await Http.PostAsync(Verify, "not json");

        Assert.Equal(2, Control.RequestCount("/ping"));
        Assert.Equal(1, Control.RequestCount(Verify));
        Assert.Equal(0, Control.RequestCount("/v1/token/refresh"));

        Control.ResetCounters();
        Assert.Equal(0, Control.RequestCount("/ping"));
    }

    [Theory]
    [InlineData(EmulatorFaultKind.DropConnection)]
    [InlineData(EmulatorFaultKind.TruncatedBody)]
    [InlineData(EmulatorFaultKind.Latency)]
    public void Kinds_that_do_not_answer_a_status_ignore_the_status_code(EmulatorFaultKind kind)
    {
        Control.InjectFault(new EmulatorFault { Path = "/ping", Kind = kind, StatusCode = 0 });

        Assert.Equal(kind, Assert.Single(Control.Faults).Kind);
    }

    [Fact]
    public void A_status_fault_needs_a_real_HTTP_status()
    {
        var fault = new EmulatorFault { Path = "/ping", Kind = EmulatorFaultKind.Status, StatusCode = 0 };

        Assert.Throws<ArgumentOutOfRangeException>(() => Control.InjectFault(fault));
        Assert.Empty(Control.Faults);
    }
}
