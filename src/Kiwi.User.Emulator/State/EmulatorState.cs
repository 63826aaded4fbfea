namespace Kiwi.User.Emulator.State;

/// <summary>
/// Everything kiwi-user would keep in its database, in memory. Not thread-safe by itself: callers hold
/// <see cref="Gate"/> (the dispatcher does for every request).
/// </summary>
internal sealed class EmulatorState
{
    public Lock Gate { get; } = new();

    public Dictionary<string, SeedApplication> Applications { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SeedRole> Roles { get; } = new(StringComparer.Ordinal);

    /// <summary>Organizations by lowercase UUID, in seed order.</summary>
    public Dictionary<string, SeedOrganization> Organizations { get; } = new(StringComparer.Ordinal);

    /// <summary>Users in "database order".</summary>
    public List<UserRecord> Users { get; } = [];

    public Dictionary<(string UserId, string DeviceType, string DeviceId), DeviceSession> Sessions { get; } = [];

    public Dictionary<(string Email, string CodeType), VerificationCode> EmailCodes { get; } = [];

    public Dictionary<string, VerificationCode> PhoneCodes { get; } = new(StringComparer.Ordinal);

    /// <summary>The last code sent to each email address or phone number, for tests.</summary>
    public Dictionary<string, string> LastCodes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<OrganizationApplicationRecord>> OrganizationApplications { get; } =
        new(StringComparer.Ordinal);

    /// <summary>Uploaded avatar images by file name, served under <c>/_emulator/avatars/</c>.</summary>
    public Dictionary<string, byte[]> Avatars { get; } = new(StringComparer.Ordinal);

    public void Load(EmulatorSeed seed)
    {
        SeedValidator.Validate(seed);
        Clear();
        foreach (var application in seed.Applications)
        {
            Applications[application.Name] = application;
        }

        foreach (var role in seed.Roles)
        {
            Roles[role.Name] = role;
        }

        foreach (var organization in seed.Organizations)
        {
            var id = OrganizationIds.Normalize(organization.Id)!;
            Organizations[id] = organization with { Id = id };
        }

        Users.AddRange(seed.Users.Select(UserRecord.FromSeed));
    }

    public UserRecord? FindUser(string id) => Users.Find(u => string.Equals(u.Id, id, StringComparison.Ordinal));

    public UserRecord? FindUser(string application, Func<UserRecord, bool> match) =>
        Users.Find(u => string.Equals(u.Application, application, StringComparison.Ordinal) && match(u));

    /// <summary>Adds a user, or replaces the user with the same id in place.</summary>
    public void PutUser(UserRecord user)
    {
        var index = Users.FindIndex(u => string.Equals(u.Id, user.Id, StringComparison.Ordinal));
        if (index >= 0)
        {
            Users[index] = user;
        }
        else
        {
            Users.Add(user);
        }
    }

    /// <summary>
    /// Removes a user; like a deleted database row, its sessions stay (so order-of-checks stays visible).
    /// </summary>
    public bool RemoveUser(string id) => Users.RemoveAll(u => string.Equals(u.Id, id, StringComparison.Ordinal)) > 0;

    public IReadOnlyList<string> ScopesOf(string role) =>
        Roles.TryGetValue(role, out var found) ? found.Scopes : [];

    private void Clear()
    {
        Applications.Clear();
        Roles.Clear();
        Organizations.Clear();
        Users.Clear();
        Sessions.Clear();
        EmailCodes.Clear();
        PhoneCodes.Clear();
        LastCodes.Clear();
        OrganizationApplications.Clear();
        Avatars.Clear();
    }
}
