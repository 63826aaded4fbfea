using System.Text.Json.Serialization;

namespace Kiwi.User.Emulator;

/// <summary>
/// A role and its scopes; a user's personal role goes into the token's <c>roles</c> and <c>scopes</c>.
/// </summary>
public sealed record SeedRole
{
    /// <summary>The role's name, such as <c>user</c>.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The role's scope names, in order.</summary>
    [JsonPropertyName("scopes")]
    public IReadOnlyList<string> Scopes { get; set; } = [];
}
