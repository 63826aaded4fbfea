using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Kiwi.Auth.Validation.Local;

/// <summary>
/// Checks a compact JWS's RS256 signature with IdentityModel's signature provider for the key (the provider that
/// <c>JsonWebTokenHandler</c> uses, cached and safe for concurrent use): the signature segment, base64url-decoded,
/// over the ASCII bytes of <c>header.payload</c> as they stand in the token.
/// </summary>
internal static class RsaSha256Signature
{
    /// <summary>Whether <paramref name="raw"/> carries a valid RS256 signature of <paramref name="key"/>. A token
    /// that is not three segments, or whose signature is not base64url, does not match.</summary>
    public static bool Matches(string raw, RsaSecurityKey key)
    {
        var signatureStart = raw.LastIndexOf('.');
        if (signatureStart <= 0 || raw.IndexOf('.') == signatureStart)
        {
            return false;
        }

        var signed = raw.AsSpan(0, signatureStart);
        var encodedSignature = raw.AsSpan(signatureStart + 1);
        var input = ArrayPool<byte>.Shared.Rent(signed.Length);
        var signature = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(encodedSignature.Length));
        try
        {
            var inputLength = Encoding.ASCII.GetBytes(signed, input);
            // The OperationStatus overload: TryDecodeFromChars throws on data it refuses (such as a last character
            // with unused bits set), and nothing here may throw for what a client sent.
            var decoded = Base64Url.DecodeFromChars(encodedSignature, signature, out _, out var signatureLength);
            return decoded == OperationStatus.Done
                && signatureLength > 0
                && Verify(key, input, inputLength, signature, signatureLength);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(signature);
            ArrayPool<byte>.Shared.Return(input);
        }
    }

    private static bool Verify(RsaSecurityKey key, byte[] input, int inputLength, byte[] signature, int length)
    {
        var factory = key.CryptoProviderFactory;
        var provider = factory.CreateForVerifying(key, SecurityAlgorithms.RsaSha256);
        try
        {
            return provider.Verify(input, 0, inputLength, signature, 0, length);
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            // A signature the RSA primitive cannot even process matches nothing; the token is refused, not the
            // request failed.
            return false;
        }
        finally
        {
            factory.ReleaseSignatureProvider(provider);
        }
    }
}
