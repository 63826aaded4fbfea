using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Kiwi.Auth.Validation.Local;

/// <summary>One RSA public key of kiwi-user, ready for IdentityModel, with what is needed to tell keys apart.</summary>
internal sealed class KiwiPublicKey
{
    private readonly byte[] _subjectPublicKeyInfo;

    public KiwiPublicKey(RSA rsa)
    {
        ArgumentNullException.ThrowIfNull(rsa);

        _subjectPublicKeyInfo = rsa.ExportSubjectPublicKeyInfo();
        SecurityKey = new RsaSecurityKey(rsa);
        KeySize = rsa.KeySize;
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(_subjectPublicKeyInfo))[..16];
    }

    /// <summary>The key IdentityModel checks signatures with.</summary>
    public RsaSecurityKey SecurityKey { get; }

    /// <summary>The modulus length in bits.</summary>
    public int KeySize { get; }

    /// <summary>The start of the SHA-256 of the key's PKIX encoding, to tell keys apart in logs. Not secret.</summary>
    public string Fingerprint { get; }

    /// <summary>Whether both hold the same modulus and exponent, however their PEMs were written.</summary>
    public bool IsSameKeyAs(KiwiPublicKey other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _subjectPublicKeyInfo.AsSpan().SequenceEqual(other._subjectPublicKeyInfo);
    }
}
