using System.Security.Claims;

namespace Kiwi.Auth.Samples.MinimalApi;

/// <summary>The sample's three endpoints: one anonymous, one for any kiwi user, one for the <c>admin</c> scope.
/// </summary>
public static class SampleEndpoints
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGet("/v1/public/health", () => Results.Ok(new { status = "ok" }));

        app.MapGet("/v1/profile", (KiwiUser user, ClaimsPrincipal principal) => Results.Ok(new
        {
            user_id = user.Id,
            application = user.Application,
            role = user.Role,
            scopes = user.Scopes,
            organization_id = user.OrganizationId,
            name = user.Profile?.Name,
            claims = principal.Claims.Select(c => new { type = c.Type, value = c.Value }),
        })).RequireUser();

        app.MapGet("/v1/admin", (KiwiUser user) => Results.Ok(new { user_id = user.Id, admin = true }))
            .RequireUser()
            .RequireScope("admin");
    }
}
