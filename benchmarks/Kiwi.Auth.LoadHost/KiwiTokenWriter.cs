using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Kiwi.Auth.LoadHost;

/// <summary>
/// Writes access tokens in kiwi-user's byte format (header <c>{"type":"jwt","alg":"RS256"}</c>, its payload fields
/// in its order, RSASSA-PKCS1-v1_5 with SHA-256), as tests/fixtures/README.md describes it.
/// </summary>
internal static class KiwiTokenWriter
{
    private static readonly string Header = Base64Url.EncodeToString("""{"type":"jwt","alg":"RS256"}"""u8);

    public static string Write(RSA key, string userId, string deviceId, DateTimeOffset now, TimeSpan lifetime)
    {
        var payload = Base64Url.EncodeToString(WritePayload(userId, deviceId, now, lifetime));
        var signingInput = $"{Header}.{payload}";
        var signature = key.SignData(
            Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    private static byte[] WritePayload(string userId, string deviceId, DateTimeOffset now, TimeSpan lifetime)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "access");
            writer.WriteNumber("iat", now.ToUnixTimeSeconds());
            writer.WriteNumber("exp", (now + lifetime).ToUnixTimeSeconds());
            writer.WriteString("sub", userId);
            writer.WriteString("iss", "kiwi-demo");
            writer.WriteString("roles", "user");
            writer.WriteStartArray("scopes");
            writer.WriteStringValue("read");
            writer.WriteStringValue("write");
            writer.WriteEndArray();
            writer.WriteString("device_type", "web");
            writer.WriteString("device_id", deviceId);
            writer.WriteString("organization_id", "");
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
