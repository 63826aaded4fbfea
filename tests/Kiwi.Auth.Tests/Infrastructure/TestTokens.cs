using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Kiwi.Auth.Tests.Infrastructure;

/// <summary>Tokens in kiwi's format with a made-up signature: enough for remote mode, where the fake kiwi-user
/// decides.</summary>
public static class TestTokens
{
    public const string UserId = "1864213360487714816";

    private const string Header = "eyJ0eXBlIjoiand0IiwiYWxnIjoiUlMyNTYifQ";

    public static string Create(
        string userId = UserId,
        string[]? scopes = null,
        string type = "access",
        long exp = 4102444800,
        string iss = "kiwi-demo")
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new
        {
            type, iat = 1700000000, exp, sub = userId, iss, roles = "user", scopes = scopes ?? ["read"],
            device_type = "web", device_id = "d-1", organization_id = "",
        });
        return $"{Header}.{Encode(payload)}.{Encode(Encoding.ASCII.GetBytes("not-a-real-signature"))}";
    }

    private static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
