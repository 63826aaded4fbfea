using Kiwi.User.Emulator.Http;
using Kiwi.User.Emulator.Internal;
using Kiwi.User.Emulator.State;

namespace Kiwi.User.Emulator.Endpoints;

/// <summary><c>/internal/*</c>: user and organization lookups (no authentication) and getCurrentInfos.</summary>
internal sealed class InternalEndpoints(EmulatorRuntime runtime)
{
    public void Map(RouteTable routes)
    {
        routes.Map("POST", "/internal/user/infos", UserInfos);
        routes.Map("POST", "/internal/organization/infos", OrganizationInfos);
        routes.Map("GET", "/internal/getCurrentInfos", CurrentInfos);
    }

    /// <summary>Known users in database order; unknown ids are left out.</summary>
    private EmulatorResponse UserInfos(EmulatorRequest request)
    {
        if (!request.TryBindJson(out var root, out var binder))
        {
            return KiwiResults.BindFailure();
        }

        var ids = new HashSet<string>(root.StringArray("user_ids") ?? [], StringComparer.Ordinal);
        if (binder.Failed)
        {
            return KiwiResults.BindFailure();
        }

        var users = runtime.State.Users.Where(u => ids.Contains(u.Id)).ToList();
        return KiwiResults.Success(w =>
        {
            w.StartArray();
            foreach (var user in users)
            {
                w.StartObject()
                    .Property("id", user.Id)
                    .Property("application", user.Application)
                    .Property("name", user.Name)
                    .Property("display_name", user.DisplayName)
                    .Property("avatar", user.Avatar)
                    .Property("username", user.Name)
                    .Property("department", user.Department)
                    .EndObject();
            }

            w.EndArray();
        });
    }

    /// <summary>Any id that is not a UUID fails the whole request; unknown ones are left out.</summary>
    private EmulatorResponse OrganizationInfos(EmulatorRequest request)
    {
        if (!request.TryBindJson(out var root, out var binder))
        {
            return KiwiResults.BindFailure();
        }

        var requested = root.StringArray("org_ids") ?? [];
        if (binder.Failed)
        {
            return KiwiResults.BindFailure();
        }

        var ids = requested.Select(OrganizationIds.Normalize).ToList();
        if (ids.Contains(null))
        {
            return KiwiResults.BadRequest("invalid organization id");
        }

        var organizations = runtime.State.Organizations.Values.Where(o => ids.Contains(o.Id)).ToList();
        return KiwiResults.Success(w =>
        {
            w.StartArray();
            foreach (var organization in organizations)
            {
                w.StartObject()
                    .Property("id", organization.Id)
                    .Property("application", organization.Application)
                    .Property("name", organization.Name)
                    .Property("status", organization.Status)
                    .Property("permission_code", organization.PermissionCode)
                    .Property("refresh_at", organization.RefreshAt)
                    .Property("expires_at", organization.ExpiresAt)
                    .Property("logo_image_url", organization.LogoImageUrl)
                    .EndObject();
            }

            w.EndArray();
        });
    }

    /// <summary>
    /// The token's organization logo. No organization: bare 400. A nil UUID is refused; text that is not a UUID is
    /// treated the same way (kiwi-user parses it to the nil UUID). An unknown organization has an empty logo.
    /// </summary>
    private EmulatorResponse CurrentInfos(EmulatorRequest request)
    {
        var claims = AccessTokenReader.Authenticate(request.Context.Request, runtime);
        if (claims is null)
        {
            return KiwiResults.Unauthorized();
        }

        if (claims.OrganizationId.Length == 0)
        {
            return KiwiResults.BadRequest();
        }

        var id = OrganizationIds.Normalize(claims.OrganizationId);
        if (id is null || id == Guid.Empty.ToString("D"))
        {
            return KiwiResults.Forbidden("invalid orgID, orgID is null");
        }

        var logo = runtime.State.Organizations.TryGetValue(id, out var organization) ? organization.LogoImageUrl : "";
        return KiwiResults.Success(w => w.StartObject().Property("logo_image_url", logo).EndObject());
    }
}
