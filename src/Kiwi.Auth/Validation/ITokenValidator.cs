using Kiwi.Auth.Tokens;

namespace Kiwi.Auth.Validation;

/// <summary>Decides whether a well-formed kiwi access token is valid. Implementations never throw for a bad token
/// or an unreachable kiwi-user: every outcome is a <see cref="TokenVerdict"/>.</summary>
public interface ITokenValidator
{
    /// <summary>Validates a token that has already passed the cheap format checks.</summary>
    /// <param name="token">The token and its decoded, not yet trusted, payload.</param>
    /// <param name="cancellationToken">Cancels the validation.</param>
    /// <returns>The verdict.</returns>
    ValueTask<TokenVerdict> ValidateAsync(KiwiToken token, CancellationToken cancellationToken);
}
