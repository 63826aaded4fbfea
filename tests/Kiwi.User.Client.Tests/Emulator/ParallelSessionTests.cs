using Kiwi.User.Client.Models;
using Kiwi.User.Client.Models.Requests;

namespace Kiwi.User.Client.Tests.Emulator;

/// <summary>Logins, refreshes and logouts of one (user, device) at once, over HTTP: only kiwi's 403s, no 500.</summary>
public sealed class ParallelSessionTests : EmulatorClientTest
{
    private const int Rounds = 5;

    [Fact]
    public async Task Parallel_logins_refreshes_and_logouts_of_one_device_answer_only_success_or_403()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var login = await LoginAliceAsync();
            var calls = Enumerable.Range(0, 4).Select(_ => Run(() => LoginAliceAsync()))
                .Concat(Enumerable.Range(0, 8).Select(_ => Run(() => RefreshAsync(login))))
                .Concat(Enumerable.Range(0, 4).Select(_ => Run(() => LogoutAsync(login))));

            var failures = (await Task.WhenAll(calls)).OfType<Exception>().ToList();

            Assert.All(failures, f => Assert.IsType<KiwiUserForbiddenException>(f));
        }

        var last = await LoginAliceAsync();
        var refreshed = await RefreshAsync(last);
        Assert.Equal(last.RefreshToken, refreshed.RefreshToken);
        Assert.True((await Client.VerifyTokenAsync(refreshed.AccessToken)).Success);
        await LogoutAsync(last);
        await Assert.ThrowsAsync<KiwiUserForbiddenException>(() => RefreshAsync(last));
    }

    private static Task<Exception?> Run(Func<Task> call) => Task.Run(async () =>
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    });

    private Task<LoginResult> RefreshAsync(LoginResult login) =>
        Client.RefreshAsync(new RefreshTokenRequest(login.UserId, login.RefreshToken, Device));

    private Task LogoutAsync(LoginResult login) =>
        Client.LogoutAsync(login.AccessToken, new LogoutRequest(login.RefreshToken, Device));
}
