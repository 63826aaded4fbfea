using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models;

/// <summary>What <c>POST /internal/user/infos</c> tells about a user.</summary>
public sealed record PublicUserInfo
{
    /// <summary>The user id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>The application the user belongs to.</summary>
    [JsonPropertyName("application")]
    public string Application { get; init; } = "";

    /// <summary>The user name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The display name.</summary>
    [JsonPropertyName("display_name")]
    public string DisplayName { get; init; } = "";

    /// <summary>The avatar's URL.</summary>
    [JsonPropertyName("avatar")]
    public string Avatar { get; init; } = "";

    /// <summary>The user name again, as kiwi-user sends it.</summary>
    [JsonPropertyName("username")]
    public string UserName { get; init; } = "";

    /// <summary>The department.</summary>
    [JsonPropertyName("department")]
    public string Department { get; init; } = "";
}
