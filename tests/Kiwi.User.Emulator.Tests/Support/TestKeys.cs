using System.Security.Cryptography;

namespace Kiwi.User.Emulator.Tests.Support;

/// <summary>One PKCS#1 key per test run, so that hundreds of emulator starts do not each generate RSA keys.</summary>
public static class TestKeys
{
    private static readonly Lazy<string> Key = new(() =>
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportRSAPrivateKeyPem();
    });

    public static string Pkcs1Pem => Key.Value;
}
