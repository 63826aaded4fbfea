namespace Kiwi.User.Emulator.State;

/// <summary>A user as the emulator stores it; mutable under the state's lock.</summary>
internal sealed class UserRecord
{
    public required string Id { get; init; }

    public required string Application { get; init; }

    public required string Name { get; init; }

    public string DisplayName { get; set; } = "";

    public string Password { get; init; } = "";

    public string Avatar { get; set; } = "";

    public string Department { get; set; } = "";

    public string Role { get; init; } = "";

    public string Phone { get; init; } = "";

    public string Email { get; init; } = "";

    public string GoogleEmail { get; init; } = "";

    public IReadOnlyList<string> GoogleCodes { get; init; } = [];

    public IReadOnlyList<string> WeChatCodes { get; init; } = [];

    /// <summary>Organization id (lowercase UUID) and the user's role there, in order.</summary>
    public IReadOnlyList<(string OrganizationId, string Role)> Memberships { get; init; } = [];

    public bool IsMemberOf(string organizationId) =>
        Memberships.Any(m => string.Equals(m.OrganizationId, organizationId, StringComparison.Ordinal));

    public static UserRecord FromSeed(SeedUser seed) => new()
    {
        Id = seed.Id,
        Application = seed.Application,
        Name = seed.Name,
        DisplayName = seed.DisplayName,
        Password = seed.Password,
        Avatar = seed.Avatar,
        Department = seed.Department,
        Role = seed.Role,
        Phone = seed.Phone,
        Email = seed.Email,
        GoogleEmail = seed.GoogleEmail,
        GoogleCodes = [.. seed.GoogleCodes],
        WeChatCodes = [.. seed.WeChatCodes],
        Memberships = [.. seed.Organizations.Select(m => (OrganizationIds.Normalize(m.OrganizationId) ?? "", m.Role))],
    };
}
