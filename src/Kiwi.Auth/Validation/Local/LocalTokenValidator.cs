using Kiwi.Auth.Tokens;
using Microsoft.Extensions.Logging;

namespace Kiwi.Auth.Validation.Local;

/// <summary>
/// Validates kiwi tokens in-process with kiwi-user's RSA public key: RS256 only, the signature checked by
/// IdentityModel's signature provider for the key, and the claim rules every mode shares (<c>type</c>, <c>exp</c>
/// with <see cref="KiwiAuthOptions.ClockSkew"/> on the app's <see cref="TimeProvider"/>, <c>iss</c> among
/// <see cref="KiwiAuthOptions.Applications"/> when listed). kiwi tokens have no <c>typ</c>, <c>kid</c>, <c>aud</c>,
/// <c>nbf</c> or <c>jti</c>, so none is required. A signature failure may fetch the key again once, in case
/// kiwi-user rotated it.
/// </summary>
/// <remarks>The token was already decoded and its claims read by <see cref="KiwiTokenParser"/>, so it is not
/// handed to <c>JsonWebTokenHandler</c>, which would decode and parse it a second time only to check the same claims
/// again; the signature goes to the same IdentityModel provider that handler uses.</remarks>
internal sealed class LocalTokenValidator(
    KiwiPublicKeyStore keys, TimeProvider timeProvider, ILogger<LocalTokenValidator> logger) : ITokenValidator
{
    /// <summary>The one verdict that may mean "the key rotated"; compared by reference.</summary>
    private static readonly TokenVerdict SignatureFailed = TokenVerdict.Invalid(TokenFailureReasons.BadSignature);

    public async ValueTask<TokenVerdict> ValidateAsync(KiwiToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);

        // kiwi-user itself ignores the header; the shared rules pin RS256 before any key is used.
        if (TokenClaimsPolicy.Check(token, keys.Options, timeProvider.GetUtcNow()) is { } broken)
        {
            return TokenVerdict.Invalid(broken);
        }

        if (keys.Current is not { } key)
        {
            logger.PublicKeyMissing(token.ShortHash);
            return TokenVerdict.Unavailable(TokenFailureReasons.NoPublicKey);
        }

        var verdict = ValidateWith(token, key);
        if (!ReferenceEquals(verdict, SignatureFailed))
        {
            return verdict;
        }

        var newer = await keys.RefetchAfterSignatureFailureAsync(key, token.ShortHash, cancellationToken);
        return newer is null ? verdict : ValidateWith(token, newer);
    }

    private TokenVerdict ValidateWith(KiwiToken token, KiwiPublicKey key)
    {
        if (RsaSha256Signature.Matches(token.Raw, key.SecurityKey))
        {
            return TokenVerdict.Valid(token.Payload.ToUser());
        }

        logger.LocalValidationFailed(token.ShortHash, "InvalidSignature");
        return SignatureFailed;
    }
}
