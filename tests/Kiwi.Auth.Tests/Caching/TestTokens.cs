using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Kiwi.Auth.Tokens;

namespace Kiwi.Auth.Tests.Caching;

/// <summary>Well-formed kiwi tokens with chosen claims; their signature is nonsense, since the validators here are
/// mocks that decide the verdict.</summary>
internal static class TestTokens
{
    private static int _serial;

    public static KiwiToken Create(DateTimeOffset expiresAt, string subject = "1864213360487714816")
    {
        var header = Encode(new { type = "jwt", alg = "RS256" });
        var payload = Encode(new Dictionary<string, object>
        {
            ["type"] = "access",
            ["iat"] = expiresAt.AddMinutes(-10).ToUnixTimeSeconds(),
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
            ["sub"] = subject,
            ["iss"] = "kiwi-demo",
            ["roles"] = "user",
            ["scopes"] = new[] { "read", "write" },
            ["device_type"] = "web",
            ["device_id"] = "d-42",
            ["organization_id"] = "0b7e5a1c-9f3d-4c2b-8e6a-5d4c3b2a1f0e",
        });
        var signature = Base64Url.EncodeToString(
            Encoding.UTF8.GetBytes($"signature-{Interlocked.Increment(ref _serial)}"));

        Assert.True(KiwiTokenParser.TryParse($"{header}.{payload}.{signature}", 8192, out var token, out _));
        return token!;
    }

    private static string Encode(object value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));
}
