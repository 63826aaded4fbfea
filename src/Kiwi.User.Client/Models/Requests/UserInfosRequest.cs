using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models.Requests;

/// <summary>Body of <c>POST /internal/user/infos</c>.</summary>
/// <param name="UserIds">The user ids to look up.</param>
public sealed record UserInfosRequest(
    [property: JsonPropertyName("user_ids")] IReadOnlyList<string> UserIds);
