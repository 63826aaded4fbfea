using System.Text.Json.Serialization;

namespace Kiwi.User.Emulator;

/// <summary>An application users log in to; its name is the tokens' <c>iss</c>.</summary>
public sealed record SeedApplication
{
    /// <summary>The application's name, such as <c>kiwi-demo</c>.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The personal role given to users that a phone or email login creates; empty for none.</summary>
    [JsonPropertyName("default_role")]
    public string DefaultRole { get; set; } = "";
}
