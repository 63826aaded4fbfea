using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Kiwi.Auth.Tests.Fixtures;

namespace Kiwi.Auth.Tests.Local;

/// <summary>Makes tokens in kiwi-user's format, or deliberately not, signed with the fixture key or another.</summary>
internal static class TestTokens
{
    public const string KiwiHeader = """{"type":"jwt","alg":"RS256"}""";
    public const string UserId = "1864213360487714816";

    /// <summary>Valid tokens expire in 2100, like the fixtures'.</summary>
    public const long FarFuture = 4102444800;

    private static readonly Lazy<RSA> FixtureKey = new(() =>
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(Path.Combine(FixtureTokens.Directory, "kiwi-fixture-private.pem")));
        return rsa;
    });

    private static readonly Lazy<RSA> OtherKey = new(() => RSA.Create(2048));

    /// <summary>The key the fixtures are signed with (kiwi-user's, as far as the tests are concerned).</summary>
    public static RSA FixturePrivateKey => FixtureKey.Value;

    /// <summary>An unrelated key, for forgeries.</summary>
    public static RSA ForgerKey => OtherKey.Value;

    /// <summary>A payload with kiwi's claims in kiwi's order.</summary>
    public static string Payload(
        long exp = FarFuture, string sub = UserId, string type = "access", string iss = "kiwi-demo") =>
        $$"""{"type":"{{type}}","iat":1764806400,"exp":{{exp}},"sub":"{{sub}}","iss":"{{iss}}","roles":"user","""
        + "\"scopes\":[\"read\",\"write\"],\"device_type\":\"web\",\"device_id\":\"d-42\","
        + "\"organization_id\":\"0b7e5a1c-9f3d-4c2b-8e6a-5d4c3b2a1f0e\"}";

    /// <summary>A kiwi access token signed with <paramref name="key"/> (default: the fixture key).</summary>
    public static string Kiwi(string? payload = null, RSA? key = null) =>
        Sign(KiwiHeader, payload ?? Payload(), "RS256", key);

    /// <summary>Signs <c>header.payload</c> with <paramref name="algorithm"/>: RS256, RS512, PS256, HS256 (keyed
    /// with the public key PEM, the classic confusion attack) or none (empty signature).</summary>
    public static string Sign(string headerJson, string payloadJson, string algorithm, RSA? key = null)
    {
        var input = $"{Encode(headerJson)}.{Encode(payloadJson)}";
        var bytes = Encoding.ASCII.GetBytes(input);
        var rsa = key ?? FixturePrivateKey;

        var signature = algorithm switch
        {
            "RS256" => rsa.SignData(bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            "RS512" => rsa.SignData(bytes, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1),
            "PS256" => rsa.SignData(bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
            "HS256" => HMACSHA256.HashData(Encoding.ASCII.GetBytes(FixtureTokens.PublicKeyPem), bytes),
            "none" => [],
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
        };

        return $"{input}.{Base64Url.EncodeToString(signature)}";
    }

    public static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    public static string Header(string algorithm) => $$"""{"type":"jwt","alg":"{{algorithm}}"}""";
}
