using System.Text.Json.Serialization;

namespace Kiwi.Auth.Endpoints;

/// <summary>Serializes a text body into <c>data</c> without reflection.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class KiwiEnvelopeJsonContext : JsonSerializerContext;
