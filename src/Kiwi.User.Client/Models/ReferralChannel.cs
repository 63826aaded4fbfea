using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models;

/// <summary>Where a new user came from; an object on the wire, never a string.</summary>
/// <param name="Type">The channel's type.</param>
/// <param name="Id">The channel's identifier.</param>
/// <param name="Name">The channel's name.</param>
public sealed record ReferralChannel(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name);
