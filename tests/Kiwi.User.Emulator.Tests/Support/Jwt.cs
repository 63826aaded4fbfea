using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Kiwi.User.Emulator.Tests.Support;

/// <summary>Test-side token checks that do not share code with the emulator.</summary>
public static class Jwt
{
    public static string[] Segments(string token) => token.Split('.');

    public static string PayloadText(string token) =>
        Encoding.UTF8.GetString(Base64Url.DecodeFromChars(Segments(token)[1]));

    public static bool VerifiesWith(string token, string publicKeyPem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(publicKeyPem);
        var parts = Segments(token);
        return rsa.VerifyData(
            Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]),
            Base64Url.DecodeFromChars(parts[2]),
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
    }

    /// <summary>Signs any header and payload text with RS256, as kiwi-user would sign them.</summary>
    public static string Sign(string headerJson, string payloadJson, string privateKeyPem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        var input = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(headerJson)) + "."
            + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson));
        var signature = rsa.SignData(
            Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + Base64Url.EncodeToString(signature);
    }

    public static string Device(string type = "web", string id = "device-1") =>
        $"{{\"device_type\":\"{type}\",\"device_id\":\"{id}\"}}";
}
