using System.Text.Json.Serialization;

namespace Kiwi.User.Emulator;

/// <summary>
/// The data the emulator starts from (and returns to on reset): applications, roles, organizations and users.
/// Load one from a JSON file with <see cref="EmulatorSeeds.Load(string)"/> or build it in code.
/// </summary>
public sealed record EmulatorSeed
{
    /// <summary>The applications (kiwi's <c>application_name</c>); logins naming another one get 403.</summary>
    [JsonPropertyName("applications")]
    public IReadOnlyList<SeedApplication> Applications { get; set; } = [];

    /// <summary>Roles with their scopes, used as personal roles and as organization roles.</summary>
    [JsonPropertyName("roles")]
    public IReadOnlyList<SeedRole> Roles { get; set; } = [];

    /// <summary>The organizations.</summary>
    [JsonPropertyName("organizations")]
    public IReadOnlyList<SeedOrganization> Organizations { get; set; } = [];

    /// <summary>The users, in "database order" (the order internal lookups answer in).</summary>
    [JsonPropertyName("users")]
    public IReadOnlyList<SeedUser> Users { get; set; } = [];
}
