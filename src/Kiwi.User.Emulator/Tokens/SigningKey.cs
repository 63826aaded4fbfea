using System.Security.Cryptography;
using System.Text;

namespace Kiwi.User.Emulator.Tokens;

/// <summary>The RSA key tokens are signed with, and its public half as kiwi serves it.</summary>
internal sealed class SigningKey : IDisposable
{
    private const string PrivateKeyLabel = "RSA PRIVATE KEY";

    private readonly Lock _signGate = new();
    private readonly byte[] _publicKey;

    // RSA objects are not documented as safe for concurrent use: verification (the hot path, outside the state
    // lock) gets one public-key instance per thread, and signing is serialized.
    private readonly ThreadLocal<RSA> _verifiers;

    private SigningKey(RSA rsa)
    {
        Rsa = rsa;
        _publicKey = rsa.ExportSubjectPublicKeyInfo();
        PublicKeyPem = new string(PemEncoding.Write("PUBLIC KEY", _publicKey)) + "\n";
        _verifiers = new ThreadLocal<RSA>(CreateVerifier, trackAllValues: true);
    }

    private RSA Rsa { get; }

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

    public byte[] Sign(string signingInput)
    {
        var data = Encoding.UTF8.GetBytes(signingInput);
        lock (_signGate)
        {
            return Rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
    }

    /// <summary>False for a wrong signature of any length; a token can never make this throw.</summary>
    public bool Verify(string signingInput, byte[] signature)
    {
        try
        {
            return _verifiers.Value!.VerifyData(
                Encoding.UTF8.GetBytes(signingInput), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        foreach (var verifier in _verifiers.Values)
        {
            verifier.Dispose();
        }

        _verifiers.Dispose();
        Rsa.Dispose();
    }

    private RSA CreateVerifier()
    {
        var verifier = RSA.Create();
        verifier.ImportSubjectPublicKeyInfo(_publicKey, out _);
        return verifier;
    }
}
