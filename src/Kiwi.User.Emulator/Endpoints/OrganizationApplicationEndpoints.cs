using Kiwi.User.Emulator.Http;
using Kiwi.User.Emulator.Internal;
using Kiwi.User.Emulator.State;

namespace Kiwi.User.Emulator.Endpoints;

/// <summary><c>/v1/user/organization_application/*</c>: a user's requests to create an organization.</summary>
internal sealed class OrganizationApplicationEndpoints(EmulatorRuntime runtime)
{
    public void Map(RouteTable routes)
    {
        routes.Map("GET", "/v1/user/organization_application/infos", Infos);
        routes.Map("POST", "/v1/user/organization_application/request", Request);
    }

    private EmulatorResponse Infos(EmulatorRequest request)
    {
        var claims = AccessTokenReader.Authenticate(request.Context.Request, runtime);
        if (claims is null)
        {
            return KiwiResults.Unauthorized();
        }

        var applications = runtime.State.OrganizationApplications.GetValueOrDefault(claims.Subject) ?? [];
        return KiwiResults.Success(w =>
        {
            w.StartArray();
            foreach (var application in applications)
            {
                w.StartObject()
                    .Property("name", application.Name)
                    .Property("brand_short_name", application.BrandShortName)
                    .Property("primary_business", application.PrimaryBusiness)
                    .Property("usage_scenario", application.UsageScenario)
                    .Property("referrer_name", application.ReferrerName)
                    .Property("discovery_way", application.DiscoveryWay)
                    .Property("review_status", application.ReviewStatus)
                    .Property("org_role_name", "")
                    .EndObject();
            }

            w.EndArray();
        });
    }

    /// <summary>Missing fields 400, user gone 403, no phone 403, unknown application 500; stored as pending.</summary>
    private EmulatorResponse Request(EmulatorRequest request)
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

        var record = new OrganizationApplicationRecord(
            root.String("application"), root.String("name"), root.String("brand_short_name"),
            root.String("primary_business"), root.String("usage_scenario"), root.String("referrer_name"),
            root.String("discovery_way"), "pending");
        var roleName = root.String("org_role_name");
        if (binder.Failed)
        {
            return KiwiResults.BindFailure();
        }

        if (!LoginBinding.AllPresent(
            record.Name, record.BrandShortName, record.PrimaryBusiness, record.UsageScenario, roleName))
        {
            return KiwiResults.BadRequest("bad request, missing body");
        }

        return Store(claims.Subject, record);
    }

    private EmulatorResponse Store(string userId, OrganizationApplicationRecord record)
    {
        var user = runtime.State.FindUser(userId);
        if (user is null)
        {
            return KiwiResults.Forbidden("user not found");
        }

        if (user.Phone.Length == 0)
        {
            return KiwiResults.Forbidden("user_id does not bind any phone");
        }

        if (!runtime.State.Applications.ContainsKey(record.Application))
        {
            return KiwiResults.InternalError();
        }

        if (!runtime.State.OrganizationApplications.TryGetValue(userId, out var list))
        {
            list = [];
            runtime.State.OrganizationApplications[userId] = list;
        }

        list.Add(record);
        return KiwiResults.Ok();
    }
}
