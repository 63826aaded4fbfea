using Kiwi.User.Emulator.Http;
using Kiwi.User.Emulator.Internal;

namespace Kiwi.User.Emulator.Endpoints;

/// <summary><c>/v1/user/*</c>: the caller's info and logout; every route needs an access token.</summary>
internal sealed class UserEndpoints(EmulatorRuntime runtime)
{
    public void Map(RouteTable routes)
    {
        routes.Map("GET", "/v1/user/info", GetInfo);
        routes.Map("POST", "/v1/user/logout", Logout);
    }

    private EmulatorResponse GetInfo(EmulatorRequest request)
    {
        var claims = AccessTokenReader.Authenticate(request.Context.Request, runtime);
        if (claims is null)
        {
            return KiwiResults.Unauthorized();
        }

        var user = runtime.State.FindUser(claims.Subject);
        if (user is null)
        {
            return KiwiResults.Forbidden("user not found");
        }

        return KiwiResults.Success(w => UserInfoJson.Write(w, runtime.State, user, claims.OrganizationId));
    }

    /// <summary>Expires only this device's refresh token; the body's user_id is ignored, the token's sub counts.</summary>
    private EmulatorResponse Logout(EmulatorRequest request)
    {
        var claims = AccessTokenReader.Authenticate(request.Context.Request, runtime);
        if (claims is null)
        {
            return KiwiResults.Unauthorized();
        }

        if (!request.TryBindJson(out var root, out var binder))
        {
            return KiwiResults.BindFailure();
        }

        var refreshToken = root.String("refresh_token");
        var device = Device.Bind(root);
        if (binder.Failed || refreshToken.Length == 0 || !device.IsComplete)
        {
            return KiwiResults.BindFailure();
        }

        if (!runtime.State.Sessions.TryGetValue((claims.Subject, device.Type, device.Id), out var session))
        {
            return KiwiResults.Forbidden("device not found");
        }

        if (!KiwiSessions.Accepts(runtime, session, refreshToken))
        {
            return KiwiResults.Forbidden("invalid refresh token");
        }

        if (runtime.State.FindUser(claims.Subject) is null)
        {
            return KiwiResults.Forbidden("user not found");
        }

        session.RefreshExpiresAt = runtime.Now;
        return KiwiResults.Ok();
    }
}
