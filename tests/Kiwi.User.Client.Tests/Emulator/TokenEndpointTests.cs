using Kiwi.User.Client.Models;
using Kiwi.User.Client.Models.Requests;

namespace Kiwi.User.Client.Tests.Emulator;

public sealed class TokenEndpointTests : EmulatorClientTest
{
    [Fact]
    public async Task Ping_answers()
    {
        await Client.PingAsync();

        Assert.Equal(1, Control.RequestCount("/ping"));
    }

    [Fact]
    public async Task Verify_accepts_a_login_token_and_returns_the_user()
    {
        var login = await LoginAliceAsync();

        var verdict = await Client.VerifyTokenAsync(login.AccessToken);

        Assert.True(verdict.Success);
        Assert.Equal(AliceId, verdict.UserInfo!.Id);
        Assert.Equal("Alice", verdict.UserInfo.Name);
    }

    [Fact]
    public async Task Verify_answers_false_for_a_garbage_token()
    {
        var verdict = await Client.VerifyTokenAsync("not.a.token");

        Assert.False(verdict.Success);
        Assert.Null(verdict.UserInfo);
    }

    [Fact]
    public async Task Verify_answers_false_after_a_key_rotation()
    {
        var login = await LoginAliceAsync();
        Control.RotateSigningKey();

        var verdict = await Client.VerifyTokenAsync(login.AccessToken);

        Assert.False(verdict.Success);
    }

    [Fact]
    public async Task Public_key_is_the_emulators_pem()
    {
        var pem = await Client.GetPublicKeyAsync();

        Assert.Equal(Control.PublicKeyPem, pem);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----\n", pem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_returns_a_working_access_token_and_the_same_refresh_token()
    {
        var login = await LoginAliceAsync();

        var refreshed = await Client.RefreshAsync(new RefreshTokenRequest(AliceId, login.RefreshToken, Device));
        var verdict = await Client.VerifyTokenAsync(refreshed.AccessToken);

        Assert.True(verdict.Success);
        Assert.Equal(login.RefreshToken, refreshed.RefreshToken);
        Assert.Equal(login.RefreshTokenExpiresAt, refreshed.RefreshTokenExpiresAt);
    }

    [Fact]
    public async Task Refresh_with_a_wrong_refresh_token_is_forbidden()
    {
        await LoginAliceAsync();

        var exception = await Assert.ThrowsAsync<KiwiUserForbiddenException>(
            () => Client.RefreshAsync(new RefreshTokenRequest(AliceId, new string('a', 40), Device)));

        Assert.Equal(KiwiErrorCodes.Forbidden, exception.Code);
        Assert.Equal("Forbidden: invalid refresh token", exception.KiwiMessage);
    }

    [Fact]
    public async Task Refresh_of_an_unknown_user_is_forbidden()
    {
        var exception = await Assert.ThrowsAsync<KiwiUserForbiddenException>(
            () => Client.RefreshAsync(new RefreshTokenRequest("1", new string('a', 40), Device)));

        Assert.Equal("Forbidden: user not found", exception.KiwiMessage);
    }

    [Fact]
    public async Task Refresh_of_an_unknown_device_is_forbidden()
    {
        var login = await LoginAliceAsync();

        var exception = await Assert.ThrowsAsync<KiwiUserForbiddenException>(() => Client.RefreshAsync(
            new RefreshTokenRequest(AliceId, login.RefreshToken, new KiwiDevice("ios", "client-tests"))));

        Assert.Equal("Forbidden: device not found", exception.KiwiMessage);
    }

    [Fact]
    public async Task Refresh_without_a_device_id_is_a_bad_request()
    {
        var login = await LoginAliceAsync();

        var exception = await Assert.ThrowsAsync<KiwiUserException>(() => Client.RefreshAsync(
            new RefreshTokenRequest(AliceId, login.RefreshToken, new KiwiDevice("web", ""))));

        Assert.Equal(KiwiErrorCodes.BadRequest, exception.Code);
    }
}
