using System.Net;
using Kiwi.Auth.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Kiwi.Auth.Tests.Ergonomics;

/// <summary><c>RequireUser</c> answers a request without a token from the Kiwi scheme.</summary>
public sealed class RequireUserAuthenticationTests
{
    [Fact]
    public async Task Without_a_token_RequireUser_still_answers_401_from_the_Kiwi_scheme()
    {
        await using var host = await ErgonomicsHost.StartAsync(
            null, app => app.MapGet("/user", (KiwiUser user) => user.Id).RequireUser());

        using var response = await host.GetAsync("/user");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await ErgonomicsHost.AssertKiwiErrorAsync(response, 20003);
    }
}
