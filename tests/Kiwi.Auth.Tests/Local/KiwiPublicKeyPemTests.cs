using System.Security.Cryptography;
using Kiwi.Auth.Tests.Fixtures;
using Kiwi.Auth.Validation.Local;

namespace Kiwi.Auth.Tests.Local;

public sealed class KiwiPublicKeyPemTests
{
    private static readonly string Pkix = FixtureTokens.PublicKeyPem;

    [Fact]
    public void Reads_the_PKIX_pem_kiwi_user_serves()
    {
        Assert.True(KiwiPublicKeyPem.TryRead(Pkix, out var key, out var problem));

        Assert.Equal("", problem);
        Assert.Equal(2048, key.KeySize);
    }

    [Theory]
    [InlineData("crlf")]
    [InlineData("no-final-newline")]
    [InlineData("crlf-no-final-newline")]
    [InlineData("escaped-newlines")]
    [InlineData("surrounding-blank-lines")]
    public void Reads_the_same_key_whatever_the_line_ends(string variant)
    {
        var pem = variant switch
        {
            "crlf" => Pkix.ReplaceLineEndings("\r\n"),
            "no-final-newline" => Pkix.TrimEnd('\n'),
            "crlf-no-final-newline" => Pkix.ReplaceLineEndings("\r\n").TrimEnd('\r', '\n'),
            "escaped-newlines" => Pkix.TrimEnd('\n').Replace("\n", "\\n", StringComparison.Ordinal),
            _ => "\n\n" + Pkix + "\n\n",
        };

        Assert.True(KiwiPublicKeyPem.TryRead(pem, out var key, out _));
        Assert.True(KiwiPublicKeyPem.TryRead(Pkix, out var reference, out _));
        Assert.True(key.IsSameKeyAs(reference));
    }

    [Fact]
    public void Reads_a_PKCS1_RSA_PUBLIC_KEY_pem_as_the_same_key()
    {
        var pkcs1 = TestTokens.FixturePrivateKey.ExportRSAPublicKeyPem();
        Assert.StartsWith("-----BEGIN RSA PUBLIC KEY-----", pkcs1, StringComparison.Ordinal);

        Assert.True(KiwiPublicKeyPem.TryRead(pkcs1, out var key, out _));
        Assert.True(KiwiPublicKeyPem.TryRead(Pkix, out var reference, out _));
        Assert.True(key.IsSameKeyAs(reference));
        Assert.Equal(reference.Fingerprint, key.Fingerprint);
    }

    [Fact]
    public void Tells_different_keys_apart()
    {
        Assert.True(KiwiPublicKeyPem.TryRead(Pkix, out var fixture, out _));
        var otherPem = TestTokens.ForgerKey.ExportSubjectPublicKeyInfoPem();
        Assert.True(KiwiPublicKeyPem.TryRead(otherPem, out var other, out _));

        Assert.False(fixture.IsSameKeyAs(other));
        Assert.NotEqual(fixture.Fingerprint, other.Fingerprint);
    }

    [Fact]
    public void Refuses_a_private_key_and_names_its_label()
    {
        var pem = File.ReadAllText(Path.Combine(FixtureTokens.Directory, "kiwi-fixture-private.pem"));

        Assert.False(KiwiPublicKeyPem.TryRead(pem, out var key, out var problem));

        Assert.Null(key);
        Assert.Equal("the PEM block is 'RSA PRIVATE KEY'", problem);
    }

    [Fact]
    public void Refuses_a_public_key_that_is_not_RSA()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.False(KiwiPublicKeyPem.TryRead(ecdsa.ExportSubjectPublicKeyInfoPem(), out _, out var problem));

        Assert.Equal("the 'PUBLIC KEY' block does not hold an RSA public key", problem);
    }

    [Theory]
    [InlineData("", "the text is empty")]
    [InlineData("   ", "the text is empty")]
    [InlineData("not a pem at all", "no PEM block was found")]
    [InlineData("-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----\n", "no PEM block was found")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
        "the 'PUBLIC KEY' block does not hold an RSA public key")]
    public void Refuses_text_without_an_RSA_public_key(string pem, string expected)
    {
        Assert.False(KiwiPublicKeyPem.TryRead(pem, out _, out var problem));
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void Refuses_a_key_followed_by_extra_bytes()
    {
        var der = TestTokens.FixturePrivateKey.ExportSubjectPublicKeyInfo().Concat(new byte[] { 0, 0 }).ToArray();
        var pem = PemEncoding.WriteString("PUBLIC KEY", der);

        Assert.False(KiwiPublicKeyPem.TryRead(pem, out _, out var problem));
        Assert.Equal("the 'PUBLIC KEY' block has bytes after the key", problem);
    }

    [Theory]
    [InlineData(512)]
    [InlineData(1024)]
    public void Refuses_an_RSA_key_shorter_than_2048_bits_whose_tokens_anyone_could_forge(int bits)
    {
        using var rsa = RSA.Create(bits);

        Assert.False(KiwiPublicKeyPem.TryRead(rsa.ExportSubjectPublicKeyInfoPem(), out var key, out var problem));

        Assert.Null(key);
        Assert.Equal($"the RSA key has only {bits} bits", problem);
    }

    [Fact]
    public void Refuses_two_keys_one_after_the_other_rather_than_ignore_the_second()
    {
        var pem = Pkix + TestTokens.ForgerKey.ExportSubjectPublicKeyInfoPem();

        Assert.False(KiwiPublicKeyPem.TryRead(pem, out _, out var problem));

        Assert.Equal("the text holds more than one PEM block", problem);
    }

    [Fact]
    public void Refuses_a_certificate_and_names_its_label()
    {
        var pem = PemEncoding.WriteString("CERTIFICATE", TestTokens.FixturePrivateKey.ExportSubjectPublicKeyInfo());

        Assert.False(KiwiPublicKeyPem.TryRead(pem, out _, out var problem));

        Assert.Equal("the PEM block is 'CERTIFICATE'", problem);
    }
}
