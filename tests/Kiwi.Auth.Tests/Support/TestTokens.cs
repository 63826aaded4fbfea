using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Kiwi.Auth.Tests.Support;

/// <summary>Tokens in kiwi's claim layout with a dummy signature, for hosts whose validator trusts the payload.
/// </summary>
public static class TestTokens
{
    private const string Header = "eyJ0eXBlIjoiand0IiwiYWxnIjoiUlMyNTYifQ";

    public static string Create(
        string userId = "1864213360487714816",
        string role = "user",
        string[]? scopes = null,
        string organizationId = "",
        string application = "kiwi-demo",
        long? expiresAt = null)
    {
        var payload = new Dictionary<string, object?>
        {
            ["type"] = "access",
            ["iat"] = 1764806400,
            ["exp"] = expiresAt ?? 4102444800,
            ["sub"] = userId,
            ["iss"] = application,
            ["roles"] = role,
            ["scopes"] = scopes ?? [],
            ["device_type"] = "web",
            ["device_id"] = "d-1",
            ["organization_id"] = organizationId,
        };

        var json = JsonSerializer.SerializeToUtf8Bytes(payload);
        return $"{Header}.{Base64Url.EncodeToString(json)}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes("sig"))}";
    }
}
