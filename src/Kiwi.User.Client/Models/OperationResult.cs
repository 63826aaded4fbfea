using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models;

/// <summary>kiwi-user's <c>{"success":true}</c> answer.</summary>
/// <param name="Success">Whether the operation succeeded.</param>
public sealed record OperationResult([property: JsonPropertyName("success")] bool Success);
