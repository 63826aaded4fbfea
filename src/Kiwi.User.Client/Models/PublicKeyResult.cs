using System.Text.Json.Serialization;

namespace Kiwi.User.Client.Models;

/// <summary>The answer of <c>GET /v1/token/publickey</c>.</summary>
/// <param name="PublicKey">The RSA public key as a PKIX <c>PUBLIC KEY</c> PEM.</param>
public sealed record PublicKeyResult([property: JsonPropertyName("public_key")] string PublicKey);
