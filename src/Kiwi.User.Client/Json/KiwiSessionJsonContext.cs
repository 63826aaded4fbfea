using System.Text.Json.Serialization;
using Kiwi.User.Client.Sessions;

namespace Kiwi.User.Client.Json;

/// <summary>Source-generated JSON metadata for what session stores keep.</summary>
[JsonSerializable(typeof(KiwiSessionTokens))]
internal sealed partial class KiwiSessionJsonContext : JsonSerializerContext;
