using System.Net;
using Kiwi.Auth.Telemetry;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Kiwi.Auth.Tests.Telemetry;

public sealed class KiwiUserCallTagTests
{
    [Theory]
    [InlineData("http://kiwi:8080/v1/token/verify", "verify")]
    [InlineData("http://kiwi:8080/base/v1/token/publickey", "public_key")]
    [InlineData("http://kiwi:8080/ping", "ping")]
    [InlineData("http://kiwi:8080/v1/user/info?access_token=secret", "other")]
    public void Names_the_operation_from_the_path_alone(string address, string operation)
    {
        Assert.Equal(operation, KiwiUserCallOperations.Of(new Uri(address)));
    }

    [Theory]
    [InlineData(200, "success")]
    [InlineData(204, "success")]
    [InlineData(401, "client_error")]
    [InlineData(429, "client_error")]
    [InlineData(302, "server_error")]
    [InlineData(503, "server_error")]
    public void Names_the_outcome_of_an_answer_by_its_status(int status, string outcome)
    {
        Assert.Equal(outcome, KiwiUserCallOutcomes.Of((HttpStatusCode)status));
    }

    [Fact]
    public void Names_the_outcome_of_a_failure_by_its_kind()
    {
        Assert.Equal("circuit_open", KiwiUserCallOutcomes.Of(new BrokenCircuitException()));
        Assert.Equal("timeout", KiwiUserCallOutcomes.Of(new TimeoutRejectedException()));
        Assert.Equal("connection_error", KiwiUserCallOutcomes.Of(new HttpRequestException("refused")));
        Assert.Equal("other", KiwiUserCallOutcomes.Of(new InvalidOperationException()));
    }
}
