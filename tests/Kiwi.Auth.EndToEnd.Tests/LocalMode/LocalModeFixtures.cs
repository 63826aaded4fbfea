using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Kiwi.Auth.EndToEnd.Tests.LocalMode;

/// <summary>The fixture tokens and keys in tests/fixtures, and forgeries in kiwi-user's format.</summary>
internal static class LocalModeFixtures
{
    public const string UserId = "1864213360487714816";

    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "fixtures");

    private static readonly Lazy<IReadOnlyDictionary<string, (string Token, bool Valid)>> Tokens = new(Load);

    private static readonly Lazy<RSA> Forger = new(() => RSA.Create(2048));

    public static string PrivateKeyPem => File.ReadAllText(Path.Combine(Directory, "kiwi-fixture-private.pem"));

    public static IEnumerable<string> Names => Tokens.Value.Keys;

    public static string Token(string name) => Tokens.Value[name].Token;

    public static bool IsValid(string name) => Tokens.Value[name].Valid;

    /// <summary>A token in kiwi-user's exact format for <paramref name="sub"/>, signed with a key kiwi-user never
    /// had.</summary>
    public static string Forged(string sub)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = $$"""{"type":"access","iat":{{now}},"exp":{{now + 600}},"sub":"{{sub}}","iss":"kiwi-demo","""
            + "\"roles\":\"\",\"scopes\":[],\"device_type\":\"web\",\"device_id\":\"d-1\",\"organization_id\":\"\"}";
        var input = $"{Encode("""{"type":"jwt","alg":"RS256"}""")}.{Encode(payload)}";
        var bytes = Encoding.ASCII.GetBytes(input);
        var signature = Forger.Value.SignData(bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{input}.{Base64Url.EncodeToString(signature)}";
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private static Dictionary<string, (string Token, bool Valid)> Load()
    {
        using var stream = File.OpenRead(Path.Combine(Directory, "tokens.json"));
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateArray().ToDictionary(
            e => e.GetProperty("name").GetString()!,
            e => (e.GetProperty("token").GetString()!, e.GetProperty("expected").GetString() == "valid"));
    }
}
