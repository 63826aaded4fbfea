using Kiwi.User.Client.Models.Requests;
using Kiwi.User.Emulator;

namespace Kiwi.User.Client.Tests.Emulator;

public sealed class FaultTests : EmulatorClientTest
{
    [Fact]
    public async Task Verify_survives_two_503s_by_retrying()
    {
        var login = await LoginAliceAsync();
        Control.InjectFault(new EmulatorFault
        {
            Path = "/v1/token/verify", Kind = EmulatorFaultKind.Status, StatusCode = 503, Count = 2,
        });

        var verdict = await Client.VerifyTokenAsync(login.AccessToken);

        Assert.True(verdict.Success);
        Assert.Equal(3, Control.RequestCount("/v1/token/verify"));
    }

    [Fact]
    public async Task A_login_that_meets_a_503_is_not_retried()
    {
        Control.InjectFault(new EmulatorFault
        {
            Path = "/v1/login/password", Kind = EmulatorFaultKind.Status, StatusCode = 503, Count = 1,
        });

        var exception = await Assert.ThrowsAsync<KiwiUserUnavailableException>(() => LoginAliceAsync());

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Equal(1, Control.RequestCount("/v1/login/password"));
    }

    [Theory]
    [InlineData(EmulatorFaultKind.Html)]
    [InlineData(EmulatorFaultKind.TruncatedBody)]
    [InlineData(EmulatorFaultKind.DropConnection)]
    public async Task A_broken_answer_is_unavailable_not_a_verdict(EmulatorFaultKind kind)
    {
        Control.InjectFault(new EmulatorFault { Path = "/v1/token/publickey", Kind = kind, StatusCode = 502 });

        var exception = await Assert.ThrowsAsync<KiwiUserUnavailableException>(() => Client.GetPublicKeyAsync());

        Assert.Null(exception.Code);
    }

    [Fact]
    public async Task A_forbidden_refresh_is_not_retried()
    {
        await LoginAliceAsync();

        var exception = await Assert.ThrowsAsync<KiwiUserForbiddenException>(
            () => Client.RefreshAsync(new RefreshTokenRequest(AliceId, new string('a', 40), Device)));

        Assert.Equal(1, Control.RequestCount("/v1/token/refresh"));
        Assert.Equal("Forbidden: invalid refresh token", exception.KiwiMessage);
    }
}
