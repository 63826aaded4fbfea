using System.Security.Cryptography;
using Kiwi.User.Emulator.Http;
using Kiwi.User.Emulator.Internal;
using Kiwi.User.Emulator.State;
using Kiwi.User.Emulator.Tokens;

namespace Kiwi.User.Emulator.Endpoints;

/// <summary><c>/v1/user/*</c>: the caller's info, its update, and logout; every route needs an access token.</summary>
internal sealed class UserEndpoints(EmulatorRuntime runtime)
{
    public void Map(RouteTable routes)
    {
        routes.MapLocking("GET", "/v1/user/info", GetInfo);
        routes.Map("PUT", "/v1/user/info", UpdateInfo);
        routes.Map("POST", "/v1/user/logout", Logout);
    }

    private EmulatorResponse GetInfo(EmulatorRequest request)
    {
        var claims = AccessTokenReader.Authenticate(request.Context.Request, runtime);
        if (claims is null)
        {
            return KiwiResults.Unauthorized();
        }

        lock (runtime.State.Gate)
        {
            var user = runtime.State.FindUser(claims.Subject);
            return user is null
                ? KiwiResults.Forbidden("user not found")
                : KiwiResults.Success(w => UserInfoJson.Write(w, runtime.State, user, claims.OrganizationId));
        }
    }

    /// <summary>
    /// Empty display name or avatar leave them; department is always overwritten. A non-http(s) avatar is raw
    /// base64 to upload; text that does not decode (such as a data: URI) fails with 500 as in kiwi-user.
    /// </summary>
    private EmulatorResponse UpdateInfo(EmulatorRequest request)
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

        var displayName = root.String("display_name");
        var avatar = root.String("avatar");
        var department = root.String("department");
        if (binder.Failed)
        {
            return KiwiResults.BindFailure();
        }

        var user = runtime.State.FindUser(claims.Subject);
        if (user is null)
        {
            return KiwiResults.Forbidden("user not found");
        }

        var avatarUrl = avatar.Length == 0 ? user.Avatar : AvatarUrl(request, user, avatar);
        if (avatarUrl is null)
        {
            return KiwiResults.InternalError();
        }

        user.DisplayName = displayName.Length > 0 ? displayName : user.DisplayName;
        user.Avatar = avatarUrl;
        user.Department = department;
        return KiwiResults.Success(w => UserInfoJson.Write(w, runtime.State, user, ""));
    }

    /// <summary>
    /// Expires only this device's refresh token; the body's user_id is ignored, the token's sub counts.
    /// </summary>
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

        return Logout(claims, device, refreshToken);
    }

    private EmulatorResponse Logout(AccessClaims claims, Device device, string refreshToken)
    {
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

    /// <summary>An http(s) URL is kept; base64 is "uploaded" and served back by the emulator; else null.</summary>
    private string? AvatarUrl(EmulatorRequest request, UserRecord user, string avatar)
    {
        if (avatar.StartsWith("http://", StringComparison.Ordinal)
            || avatar.StartsWith("https://", StringComparison.Ordinal))
        {
            return avatar;
        }

        var buffer = new byte[avatar.Length];
        if (!Convert.TryFromBase64String(avatar, buffer, out var length))
        {
            return null;
        }

        var image = buffer[..length];
        var name = user.Id + "-" + Convert.ToHexStringLower(SHA256.HashData(image))[..16];
        runtime.State.Avatars[name] = image;
        var http = request.Context.Request;
        return $"{http.Scheme}://{http.Host}/_emulator/avatars/{name}";
    }
}
