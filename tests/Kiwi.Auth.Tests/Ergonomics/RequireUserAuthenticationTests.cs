using System.Net;
using Kiwi.Auth.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Kiwi.Auth.Tests.Ergonomics;

/// <summary>
/// <c>RequireUser</c> with Kiwi as the default scheme authenticates once per request: the authentication
/// middleware's result serves the policy. Naming the scheme in the policy would run the scheme's authentication a
/// second time on every request (answered from the handler's memo, but not free), which the base handler's
/// Debug line shows.
/// </summary>
public sealed class RequireUserAuthenticationTests
{
    [Fact]
    public async Task A_RequireUser_request_is_authenticated_once_when_Kiwi_is_the_default_scheme()
    {
        await using var api = await TestApi.StartAsync();
        api.KiwiUser.Respond = (_, _) => Task.FromResult(FakeKiwiUser.Verdict("1864213360487714816"));

        using var response = await api.Client.SendAsync(TestApi.GetWithBearer("/user", TestTokens.Create()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1864213360487714816", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(api.Logs.GetSnapshot(), r => r.Id.Name == "AuthenticationSchemeAuthenticated");
    }

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
