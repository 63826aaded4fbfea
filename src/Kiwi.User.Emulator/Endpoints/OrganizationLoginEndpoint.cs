using Kiwi.User.Emulator.Http;
using Kiwi.User.Emulator.Internal;
using Kiwi.User.Emulator.State;

namespace Kiwi.User.Emulator.Endpoints;

/// <summary><c>POST /v1/login/organization</c>: switches a device's session into an organization.</summary>
internal sealed class OrganizationLoginEndpoint(EmulatorRuntime runtime)
{
    public void Map(RouteTable routes) => routes.Map("POST", "/v1/login/organization", Login);

    /// <summary>
    /// Checks in kiwi's order: UUID, user, membership, device, refresh token; keeps the refresh token.
    /// </summary>
    private EmulatorResponse Login(EmulatorRequest request)
    {
        if (!request.TryBindJson(out var root, out var binder))
        {
            return KiwiResults.BindFailure();
        }

        var organization = root.String("organization_id");
        var userId = root.String("user_id");
        var refreshToken = root.String("refresh_token");
        var device = Device.Bind(root);
        if (binder.Failed || !LoginBinding.AllPresent(organization, userId, refreshToken) || !device.IsComplete)
        {
            return KiwiResults.BindFailure();
        }

        var organizationId = OrganizationIds.Normalize(organization);
        if (organizationId is null)
        {
            return KiwiResults.BadRequest("invalid organization id");
        }

        var user = runtime.State.FindUser(userId);
        if (user is null)
        {
            return KiwiResults.Forbidden("user not found");
        }

        if (!user.IsMemberOf(organizationId))
        {
            return KiwiResults.Forbidden("user not in organization");
        }

        if (!runtime.State.Sessions.TryGetValue((userId, device.Type, device.Id), out var session))
        {
            return KiwiResults.Forbidden("device not found");
        }

        if (!KiwiSessions.Accepts(runtime, session, refreshToken))
        {
            return KiwiResults.Forbidden("invalid refresh token");
        }

        session.OrganizationId = organizationId;
        return KiwiSessions.Answer(runtime, user, device, session);
    }
}
