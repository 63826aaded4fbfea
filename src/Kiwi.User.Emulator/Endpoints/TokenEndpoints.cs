using Kiwi.User.Emulator.Http;
using Kiwi.User.Emulator.Internal;
using Kiwi.User.Emulator.Tokens;

namespace Kiwi.User.Emulator.Endpoints;

/// <summary><c>/v1/token/*</c>: verify, public key, refresh.</summary>
internal sealed class TokenEndpoints(EmulatorRuntime runtime)
{
    public void Map(RouteTable routes)
    {
        routes.MapLocking("POST", "/v1/token/verify", Verify);
        routes.Map("GET", "/v1/token/publickey", PublicKey);
        routes.Map("POST", "/v1/token/refresh", Refresh);
    }

    /// <summary>200 with success false for any bad token; no type, issuer, device or logout checks.</summary>
    private EmulatorResponse Verify(EmulatorRequest request)
    {
        if (!request.TryBindJson(out var root, out var binder))
        {
            return KiwiResults.BindFailure();
        }

        var token = root.String("access_token");
        if (binder.Failed)
        {
            return KiwiResults.BindFailure();
        }

        if (token.Length == 0)
        {
            return NotVerified();
        }

        var check = KiwiTokenFormat.Check(token, runtime.Key, runtime.Now, out var claims);
        if (check == TokenCheck.Undecodable)
        {
            return KiwiResults.InternalError();
        }

        if (check != TokenCheck.Valid)
        {
            return NotVerified();
        }

        lock (runtime.State.Gate)
        {
            var user = runtime.State.FindUser(claims!.Subject);
            return user is null ? NotVerified() : KiwiResults.Success(w =>
            {
                w.StartObject().Property("success", true).Name("user_info");
                UserInfoJson.Write(w, runtime.State, user, claims.OrganizationId);
                w.EndObject();
            });
        }
    }

    private EmulatorResponse PublicKey(EmulatorRequest request) =>
        KiwiResults.Success(w => w.StartObject().Property("public_key", runtime.Key.PublicKeyPem).EndObject());

    /// <summary>Checks in kiwi's order: user, device, refresh token, organization membership.</summary>
    private EmulatorResponse Refresh(EmulatorRequest request)
    {
        if (!request.TryBindJson(out var root, out var binder))
        {
            return KiwiResults.BindFailure();
        }

        var userId = root.String("user_id");
        var refreshToken = root.String("refresh_token");
        var device = Device.Bind(root);
        if (binder.Failed || userId.Length == 0 || refreshToken.Length == 0 || !device.IsComplete)
        {
            return KiwiResults.BindFailure();
        }

        var state = runtime.State;
        var user = state.FindUser(userId);
        if (user is null)
        {
            return KiwiResults.Forbidden("user not found");
        }

        if (!state.Sessions.TryGetValue((userId, device.Type, device.Id), out var session))
        {
            return KiwiResults.Forbidden("device not found");
        }

        if (!KiwiSessions.Accepts(runtime, session, refreshToken))
        {
            return KiwiResults.Forbidden("invalid refresh token");
        }

        if (session.OrganizationId.Length > 0 && !user.IsMemberOf(session.OrganizationId))
        {
            return KiwiResults.Forbidden("organization id not found");
        }

        return KiwiSessions.Answer(runtime, user, device, session);
    }

    private static EmulatorResponse NotVerified() =>
        KiwiResults.Success(w => w.StartObject().Property("success", false).Name("user_info").Null().EndObject());
}
