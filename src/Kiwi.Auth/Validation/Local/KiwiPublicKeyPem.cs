using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Kiwi.Auth.Validation.Local;

/// <summary>
/// Reads kiwi-user's public key from PEM text: a PKIX <c>PUBLIC KEY</c> block (what <c>GET /v1/token/publickey</c>
/// serves) or a PKCS#1 <c>RSA PUBLIC KEY</c> block, with any line ends and with or without a final newline.
/// </summary>
internal static class KiwiPublicKeyPem
{
    /// <summary>The formats accepted, as error messages name them.</summary>
    public const string ExpectedFormat =
        "a PEM 'PUBLIC KEY' (PKIX) or 'RSA PUBLIC KEY' (PKCS#1) block with an RSA key of at least 2048 bits";

    /// <summary>Shorter RSA keys can be factored, and whoever factors kiwi-user's key signs any token.</summary>
    public const int MinimumKeySize = 2048;

    private const string PkixLabel = "PUBLIC KEY";
    private const string Pkcs1Label = "RSA PUBLIC KEY";
    private const int MaxLabelInMessage = 40;

    /// <summary>Reads the key, or says in <paramref name="problem"/> what is wrong with the text.</summary>
    /// <param name="pem">The PEM text.</param>
    /// <param name="key">The key, when the text holds one.</param>
    /// <param name="problem">What is wrong, when it does not; never holds the text itself.</param>
    /// <returns><see langword="true"/> when the text holds an RSA public key.</returns>
    public static bool TryRead(string? pem, [NotNullWhen(true)] out KiwiPublicKey? key, out string problem)
    {
        key = null;
        if (string.IsNullOrWhiteSpace(pem))
        {
            problem = "the text is empty";
            return false;
        }

        var text = UnescapeLineEnds(pem);
        if (!PemEncoding.TryFind(text, out var fields))
        {
            problem = "no PEM block was found";
            return false;
        }

        var label = text[fields.Label];
        if (label is not (PkixLabel or Pkcs1Label))
        {
            problem = $"the PEM block is '{Shorten(label)}'";
            return false;
        }

        if (PemEncoding.TryFind(text.AsSpan(fields.Location.End.Value), out _))
        {
            // Only one key is ever used; a second one (an old and a new key, say) would be ignored silently.
            problem = "the text holds more than one PEM block";
            return false;
        }

        var der = Convert.FromBase64String(text[fields.Base64Data]);
        return TryImport(label, der, out key, out problem);
    }

    private static bool TryImport(
        string label, byte[] der, [NotNullWhen(true)] out KiwiPublicKey? key, out string problem)
    {
        key = null;
        var rsa = RSA.Create();
        try
        {
            var read = label == PkixLabel ? ImportPkix(rsa, der) : ImportPkcs1(rsa, der);
            if (read != der.Length)
            {
                rsa.Dispose();
                problem = $"the '{label}' block has bytes after the key";
                return false;
            }

            if (rsa.KeySize < MinimumKeySize)
            {
                problem = $"the RSA key has only {rsa.KeySize} bits";
                rsa.Dispose();
                return false;
            }
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
            problem = $"the '{label}' block does not hold an RSA public key";
            return false;
        }

        key = new KiwiPublicKey(rsa);
        problem = "";
        return true;
    }

    private static int ImportPkix(RSA rsa, byte[] der)
    {
        rsa.ImportSubjectPublicKeyInfo(der, out var read);
        return read;
    }

    private static int ImportPkcs1(RSA rsa, byte[] der)
    {
        rsa.ImportRSAPublicKey(der, out var read);
        return read;
    }

    /// <summary>A PEM put into one environment variable or JSON string often carries <c>\n</c> as two characters.
    /// </summary>
    private static string UnescapeLineEnds(string pem) =>
        pem.Contains('\n', StringComparison.Ordinal) ? pem : pem.Replace("\\r", "", StringComparison.Ordinal)
            .Replace("\\n", "\n", StringComparison.Ordinal);

    private static string Shorten(string label) =>
        label.Length <= MaxLabelInMessage ? label : string.Concat(label.AsSpan(0, MaxLabelInMessage), "...");
}
