using System.Net;
using Kiwi.Auth.Tests.Infrastructure;
using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Kiwi.Auth.Tests.Handler;

public sealed class FailClosedTests
{
    [Fact]
    public async Task Answers_503_not_500_when_the_validator_throws()
    {
        var validator = new Mock<ITokenValidator>();
        validator.Setup(v => v.ValidateAsync(It.IsAny<KiwiToken>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("a bug"));
        await using var api = await TestApi.StartAsync(services: s => ReplaceRemoteValidator(s, validator.Object));

        using var response = await api.Client.SendAsync(TestApi.GetWithBearer("/user", TestTokens.Create()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Empty(response.Headers.WwwAuthenticate);
        Assert.DoesNotContain(api.Outcomes.All, o => o.Status == 500 || o.Exception is not null);
        Assert.Contains(api.Logs.GetSnapshot(), r => r.Level == Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task Lets_anonymous_endpoints_through_when_the_validator_throws()
    {
        var validator = new Mock<ITokenValidator>();
        validator.Setup(v => v.ValidateAsync(It.IsAny<KiwiToken>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("a bug"));
        await using var api = await TestApi.StartAsync(services: s => ReplaceRemoteValidator(s, validator.Object));

        using var response = await api.Client.SendAsync(TestApi.GetWithBearer("/public", TestTokens.Create()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_request_aborted_while_kiwi_user_is_slow_ends_without_a_500_or_an_exception()
    {
        await using var api = await TestApi.StartAsync();
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        api.KiwiUser.Respond = async (_, _) =>
        {
            reached.TrySetResult();
            await release.Task;
            return FakeKiwiUser.Verdict(TestTokens.UserId);
        };

        using var caller = new CancellationTokenSource();
        var pending = api.Client.SendAsync(TestApi.GetWithBearer("/user", TestTokens.Create()), caller.Token);
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await caller.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);

        var outcome = await WaitForOutcomeAsync(api);
        release.SetResult();

        Assert.Equal(499, outcome.Status);
        Assert.Null(outcome.Exception);
        Assert.DoesNotContain(api.Logs.GetSnapshot(), r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Fact]
    public async Task The_bypass_answers_without_kiwi_user_in_development()
    {
        await using var api = await TestApi.StartAsync(
            o =>
            {
                o.LocalBypass.Enabled = true;
                o.LocalBypass.UserId = "dev-user";
            },
            environment: "Development");

        using var response = await api.Client.SendAsync(TestApi.Get("/user"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("dev-user", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, api.KiwiUser.Calls);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task The_bypass_refuses_to_start_outside_development(string environment)
    {
        var failure = await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => TestApi.StartAsync(o => o.LocalBypass.Enabled = true, environment: environment));

        Assert.Contains("KiwiAuth:LocalBypass:Enabled", failure.Message, StringComparison.Ordinal);
        Assert.Contains(environment, failure.Message, StringComparison.Ordinal);
    }

    private static async Task<(int Status, Exception? Exception)> WaitForOutcomeAsync(TestApi api)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (api.Outcomes.All.Count == 0)
        {
            await Task.Delay(20, timeout.Token);
        }

        return api.Outcomes.All[0];
    }

    private static void ReplaceRemoteValidator(IServiceCollection services, ITokenValidator validator)
    {
        var existing = services.Single(d => d.IsKeyedService && Equals(d.ServiceKey, KiwiAuthMode.Remote)
            && d.ServiceType == typeof(ITokenValidator));
        services.Remove(existing);
        services.AddKeyedSingleton(KiwiAuthMode.Remote, validator);
    }
}
