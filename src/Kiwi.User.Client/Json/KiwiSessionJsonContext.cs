using System.Text.Json.Serialization;
using Kiwi.User.Client.Sessions;

namespace Kiwi.User.Client.Json;

/// <summary>Source-generated JSON metadata for what session stores keep. A null or missing token, id or device reads as
/// an error, not as a session that fails later.</summary>
[JsonSourceGenerationOptions(RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(KiwiSessionTokens))]
internal sealed partial class KiwiSessionJsonContext : JsonSerializerContext;
