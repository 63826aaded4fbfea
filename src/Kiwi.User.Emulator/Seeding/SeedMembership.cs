using System.Text.Json.Serialization;

namespace Kiwi.User.Emulator;

/// <summary>A user's membership of an organization, with the user's role there.</summary>
public sealed record SeedMembership
{
    /// <summary>The organization's UUID.</summary>
    [JsonPropertyName("id")]
    public required string OrganizationId { get; init; }

    /// <summary>The user's role in the organization (a name from <see cref="EmulatorSeed.Roles"/>).</summary>
    [JsonPropertyName("role")]
    public string Role { get; set; } = "";
}
