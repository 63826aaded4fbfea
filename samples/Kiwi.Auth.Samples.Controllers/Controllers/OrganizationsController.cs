using Kiwi.Auth.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Kiwi.Auth.Samples.Controllers.Controllers;

/// <summary>Only for a session in the organization the route names; answers in kiwi's success envelope, as the Go
/// service it stands for did.</summary>
[ApiController]
[KiwiEnvelope]
[Route("api/orgs/{orgId}")]
[RequireOrganization(RouteValueName = "orgId")]
public sealed class OrganizationsController : ControllerBase
{
    [HttpGet("projects")]
    public IActionResult Projects(string orgId) => Ok(new { organization_id = orgId, projects = new[] { "kiwi" } });
}
