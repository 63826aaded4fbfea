using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kiwi.Auth.Samples.Controllers.Controllers;

/// <summary>Any kiwi user; one anonymous action.</summary>
[ApiController]
[Authorize]
[Route("api")]
public sealed class ProfileController : ControllerBase
{
    [AllowAnonymous]
    [HttpGet("health")]
    public IActionResult Health() => Ok(new { status = "ok" });

    [HttpGet("profile")]
    public IActionResult Profile()
    {
        var user = KiwiUser.FromPrincipal(User)!;
        return Ok(new
        {
            user_id = user.Id,
            role = user.Role,
            scopes = user.Scopes,
            organization_id = user.OrganizationId,
            name = User.Identity?.Name,
        });
    }
}
