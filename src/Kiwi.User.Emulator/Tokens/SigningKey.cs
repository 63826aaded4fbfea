using System.Security.Cryptography;
using System.Text;

namespace Kiwi.User.Emulator.Tokens;

/// <summary>The RSA key tokens are signed with, and its public half as kiwi serves it.</summary>
internal sealed class SigningKey : IDisposable
{
    private const string PrivateKeyLabel = "RSA PRIVATE KEY";

    private SigningKey(RSA rsa)
    {
        Rsa = rsa;
        PublicKeyPem = new string(PemEncoding.Write("PUBLIC KEY", rsa.ExportSubjectPublicKeyInfo())) + "\n";
    }

    public RSA Rsa { get; }

    /// <summary>PKIX <c>PUBLIC KEY</c> PEM with 64-character lines and a trailing newline, as kiwi serves it.</summary>
    public string PublicKeyPem { get; }

    public static SigningKey Generate() => new(RSA.Create(2048));

    /// <summary>Loads a PKCS#1 <c>RSA PRIVATE KEY</c> PEM; kiwi-user rejects PKCS#8, and so do we.</summary>
    public static SigningKey FromPkcs1Pem(string pem)
    {
        if (!PemEncoding.TryFind(pem, out var fields) || pem[fields.Label] is not PrivateKeyLabel)
        {
            throw new ArgumentException(
                "The signing key must be a PEM \"RSA PRIVATE KEY\" (PKCS#1), the form kiwi-user loads.", nameof(pem));
        }

        var der = Convert.FromBase64String(pem[fields.Base64Data].ToString());
        var rsa = RSA.Create();
        try
        {
            rsa.ImportRSAPrivateKey(der, out _);
            return new SigningKey(rsa);
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    public byte[] Sign(string signingInput) =>
        Rsa.SignData(Encoding.UTF8.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public bool Verify(string signingInput, byte[] signature) =>
        Rsa.VerifyData(
            Encoding.UTF8.GetBytes(signingInput), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public void Dispose() => Rsa.Dispose();
}
