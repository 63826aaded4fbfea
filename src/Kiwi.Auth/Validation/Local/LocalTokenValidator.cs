using Kiwi.Auth.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kiwi.Auth.Validation.Local;

/// <summary>
/// Validates kiwi tokens in-process with kiwi-user's RSA public key through IdentityModel: RS256 only, signature,
/// <c>exp</c> with <see cref="KiwiAuthOptions.ClockSkew"/> on the app's <see cref="TimeProvider"/>, and <c>iss</c>
/// among <see cref="KiwiAuthOptions.Applications"/> when listed. kiwi tokens have no <c>typ</c>, <c>kid</c>,
/// <c>aud</c>, <c>nbf</c> or <c>jti</c>, so none is required. A signature failure may fetch the key again once, in
/// case kiwi-user rotated it.
/// </summary>
internal sealed class LocalTokenValidator(
    KiwiPublicKeyStore keys, TimeProvider timeProvider, ILogger<LocalTokenValidator> logger) : ITokenValidator
{
    /// <summary>The one verdict that may mean "the key rotated"; compared by reference.</summary>
    private static readonly TokenVerdict SignatureFailed = TokenVerdict.Invalid(TokenFailureReasons.BadSignature);

    private readonly JsonWebTokenHandler _handler = new();
    private volatile ValidationSetup? _setup;

    public async ValueTask<TokenVerdict> ValidateAsync(KiwiToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);

        // kiwi-user itself ignores the header; we pin RS256 before IdentityModel sees the token.
        if (!string.Equals(token.Algorithm, TokenClaimsPolicy.Algorithm, StringComparison.Ordinal))
        {
            return TokenVerdict.Invalid(TokenFailureReasons.BadAlgorithm);
        }

        if (keys.Current is not { } key)
        {
            logger.PublicKeyMissing(token.ShortHash);
            return TokenVerdict.Unavailable(TokenFailureReasons.NoPublicKey);
        }

        var verdict = await ValidateWithAsync(token, key);
        if (!ReferenceEquals(verdict, SignatureFailed))
        {
            return verdict;
        }

        var newer = await keys.RefetchAfterSignatureFailureAsync(key, token.ShortHash, cancellationToken);
        return newer is null ? verdict : await ValidateWithAsync(token, newer);
    }

    private async Task<TokenVerdict> ValidateWithAsync(KiwiToken token, KiwiPublicKey key)
    {
        var result = await _handler.ValidateTokenAsync(token.Raw, GetParameters(key));
        if (result.IsValid)
        {
            return TokenVerdict.Valid(token.Payload.ToUser());
        }

        logger.LocalValidationFailed(token.ShortHash, result.Exception?.GetType().Name ?? "unknown");
        return Map(result.Exception);
    }

    /// <summary>Total: every IdentityModel failure maps to one fixed reason; anything unforeseen is malformed.
    /// </summary>
    private static TokenVerdict Map(Exception? exception) => exception switch
    {
        SecurityTokenInvalidSignatureException => SignatureFailed,
        SecurityTokenInvalidAlgorithmException => TokenVerdict.Invalid(TokenFailureReasons.BadAlgorithm),
        SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException
            => TokenVerdict.Invalid(TokenFailureReasons.Expired),
        SecurityTokenInvalidIssuerException => TokenVerdict.Invalid(TokenFailureReasons.ApplicationNotAccepted),
        _ => TokenVerdict.Invalid(TokenFailureReasons.Malformed),
    };

    /// <summary>The parameters for this key and the current options, built again only when either changes.</summary>
    private TokenValidationParameters GetParameters(KiwiPublicKey key)
    {
        var options = keys.Options;
        var setup = _setup;
        if (setup is null || !ReferenceEquals(setup.Key, key) || !ReferenceEquals(setup.Options, options))
        {
            setup = new ValidationSetup(key, options, CreateParameters(key, options));
            _setup = setup;
        }

        return setup.Parameters;
    }

    private TokenValidationParameters CreateParameters(KiwiPublicKey key, KiwiAuthOptions options)
    {
        var skew = options.ClockSkew;
        var applications = options.Applications.ToArray();
        return new TokenValidationParameters
        {
            IssuerSigningKey = key.SecurityKey,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = false,
            TryAllIssuerSigningKeys = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = skew,

            // Replaces IdentityModel's own clock (which cannot be given a TimeProvider) with the app's, and uses the
            // shared claim rules' whole-second test, so that both modes draw the line at the same second.
            LifetimeValidator = (_, expires, _, _) => expires is { } at
                && !TokenClaimsPolicy.IsExpired(EpochTime.GetIntDate(at), skew, timeProvider.GetUtcNow()),
            ValidateIssuer = applications.Length > 0,
            ValidIssuers = applications,
            ValidateAudience = false,
            ValidateTokenReplay = false,
            SaveSigninToken = false,
        };
    }

    /// <summary>Validation parameters and what they were built from.</summary>
    private sealed record ValidationSetup(
        KiwiPublicKey Key, KiwiAuthOptions Options, TokenValidationParameters Parameters);
}
