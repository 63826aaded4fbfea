using Kiwi.Auth.Tokens;
using Kiwi.User.Client;
using Kiwi.User.Client.Models;
using Microsoft.Extensions.Logging;

namespace Kiwi.Auth.Validation;

/// <summary>Asks kiwi-user with <c>POST /v1/token/verify</c>. Any answer that is not a well-formed verdict is
/// <see cref="TokenVerdictKind.Unavailable"/>, so an outage never logs users out.</summary>
internal sealed class RemoteTokenValidator(IHttpClientFactory httpClientFactory, ILogger<RemoteTokenValidator> logger)
    : ITokenValidator
{
    public async ValueTask<TokenVerdict> ValidateAsync(KiwiToken token, CancellationToken cancellationToken)
    {
        var client = new KiwiUserClient(httpClientFactory.CreateClient(KiwiAuthDefaults.HttpClientName));

        TokenVerification verification;
        try
        {
            verification = await client.VerifyTokenAsync(token.Raw, cancellationToken);
        }
        catch (KiwiUserException exception)
        {
            logger.KiwiUserUnavailable(token.ShortHash, exception.Message);
            return TokenVerdict.Unavailable(TokenFailureReasons.KiwiUserUnavailable);
        }

        return Map(token, verification);
    }

    /// <summary>Total: every answer maps to exactly one verdict; only a well-formed success is valid.</summary>
    internal static TokenVerdict Map(KiwiToken token, TokenVerification verification)
    {
        if (!verification.Success)
        {
            return TokenVerdict.Invalid(TokenFailureReasons.RejectedByKiwiUser);
        }

        if (verification.UserInfo is not { } info || !string.Equals(info.Id, token.Payload.Subject, StringComparison.Ordinal))
        {
            return TokenVerdict.Unavailable(TokenFailureReasons.KiwiUserUnavailable);
        }

        return TokenVerdict.Valid(token.Payload.ToUser() with { Profile = info });
    }
}
