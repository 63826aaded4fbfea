using Kiwi.User.Emulator.Json;
using Kiwi.User.Emulator.State;

namespace Kiwi.User.Emulator.Endpoints;

/// <summary>kiwi-user's UserInfo and OrgUser shapes (contract section 4), field order included.</summary>
internal static class UserInfoJson
{
    /// <param name="writer">Where to write.</param>
    /// <param name="state">The state the user's roles and organizations come from.</param>
    /// <param name="user">The user.</param>
    /// <param name="tokenOrganizationId">
    /// The token's <c>organization_id</c>; shown only if the user has any org.
    /// </param>
    public static void Write(GoJsonWriter writer, EmulatorState state, UserRecord user, string tokenOrganizationId)
    {
        var memberships = user.Memberships.Where(m => state.Organizations.ContainsKey(m.OrganizationId)).ToList();
        writer.StartObject()
            .Property("id", user.Id)
            .Property("application", user.Application)
            .Property("name", user.DisplayName.Length > 0 ? user.DisplayName : user.Name)
            .Property("avatar", user.Avatar)
            .Property("phone", user.Phone)
            .Property("email", user.GoogleEmail)
            .Property("personal_role", user.Role)
            .Property("personal_scopes", user.Role.Length > 0 ? state.ScopesOf(user.Role) : null)
            .Property("current_org_id", memberships.Count > 0 ? tokenOrganizationId : "")
            .Name("orgs");
        WriteOrganizations(writer, state, memberships);
        writer.Property("department", user.Department).EndObject();
    }

    private static void WriteOrganizations(
        GoJsonWriter writer, EmulatorState state, List<(string OrganizationId, string Role)> memberships)
    {
        if (memberships.Count == 0)
        {
            writer.Null();
            return;
        }

        writer.StartArray();
        foreach (var (organizationId, role) in memberships)
        {
            var organization = state.Organizations[organizationId];
            writer.StartObject()
                .Property("id", organization.Id)
                .Property("name", organization.Name)
                .Property("status", organization.Status)
                .Property("permission_code", organization.PermissionCode)
                .Property("refresh_at", organization.RefreshAt)
                .Property("expires_at", organization.ExpiresAt)
                .Property("organization_role", role)
                .Property("organization_scopes", state.ScopesOf(role))
                .EndObject();
        }

        writer.EndArray();
    }
}
