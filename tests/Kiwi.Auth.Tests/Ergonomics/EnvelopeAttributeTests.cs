using System.Net;
using Kiwi.Auth.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Kiwi.Auth.Tests.Ergonomics;

/// <summary><c>[KiwiEnvelope]</c> on controller actions whose results carry no status of their own.</summary>
public sealed class EnvelopeAttributeTests : IAsyncLifetime
{
    private LoopbackHost _host = null!;

    public async Task InitializeAsync() => _host = await ErgonomicsHost.StartAsync(
        null,
        app => app.MapControllers(),
        services => services.AddControllers().AddApplicationPart(typeof(EnvelopeProbeController).Assembly));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_object_returned_under_a_401_the_action_set_is_not_a_success()
    {
        using var response = await _host.GetAsync("/probe/revoked", TestTokens.Create());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("token revoked", body.GetProperty("reason").GetString());
        Assert.False(body.TryGetProperty("status", out _));
    }

    [Fact]
    public async Task An_object_returned_with_no_status_set_is_wrapped()
    {
        using var response = await _host.GetAsync("/probe/fine", TestTokens.Create());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("success", body.GetProperty("status").GetString());
        Assert.Equal(1, body.GetProperty("data").GetProperty("n").GetInt32());
    }
}

/// <summary>Actions for <see cref="EnvelopeAttributeTests"/>.</summary>
[ApiController]
[Route("probe")]
[Authorize(AuthenticationSchemes = KiwiAuthDefaults.AuthenticationScheme)]
[KiwiEnvelope]
public sealed class EnvelopeProbeController : ControllerBase
{
    [HttpGet("revoked")]
    public object Revoked()
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return new { reason = "token revoked" };
    }

    [HttpGet("fine")]
    public object Fine() => new { n = 1, authenticated = User.Identity?.IsAuthenticated == true };
}
