using System.Globalization;

namespace Kiwi.User.Emulator.State;

/// <summary>Rejects seeds kiwi-user could not hold, with a message that names the wrong entry.</summary>
internal static class SeedValidator
{
    public static void Validate(EmulatorSeed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var organizations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var organization in seed.Organizations)
        {
            var id = OrganizationIds.Normalize(organization.Id)
                ?? throw Invalid($"organization id \"{organization.Id}\" is not a UUID");
            if (!organizations.Add(id))
            {
                throw Invalid($"organization id \"{id}\" appears twice");
            }
        }

        var users = new HashSet<string>(StringComparer.Ordinal);
        foreach (var user in seed.Users)
        {
            ValidateUser(user, role => seed.Roles.Any(r => r.Name == role), organizations.Contains);
            if (!users.Add(user.Id))
            {
                throw Invalid($"user id \"{user.Id}\" appears twice");
            }
        }
    }

    public static void ValidateUser(SeedUser user, Func<string, bool> roleExists, Func<string, bool> organizationExists)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!ulong.TryParse(user.Id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw Invalid($"user id \"{user.Id}\" is not a snowflake (a decimal number string)");
        }

        if (string.IsNullOrEmpty(user.Name) || string.IsNullOrEmpty(user.Application))
        {
            throw Invalid($"user \"{user.Id}\" needs a name and an application");
        }

        if (user.Role.Length > 0 && !roleExists(user.Role))
        {
            throw Invalid($"user \"{user.Id}\" has role \"{user.Role}\", which the seed's roles do not define");
        }

        foreach (var membership in user.Organizations)
        {
            var id = OrganizationIds.Normalize(membership.OrganizationId);
            if (id is null || !organizationExists(id))
            {
                throw Invalid($"user \"{user.Id}\" belongs to unknown organization \"{membership.OrganizationId}\"");
            }
        }
    }

    private static InvalidDataException Invalid(string problem) => new("Invalid emulator seed: " + problem + ".");
}
