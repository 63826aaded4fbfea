using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;

namespace Kiwi.Auth.Tests.Support;

/// <summary>Gives every token the verdict of a kiwi-user that cannot be reached.</summary>
public sealed class UnavailableValidator : ITokenValidator
{
    public ValueTask<TokenVerdict> ValidateAsync(KiwiToken token, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TokenVerdict.Unavailable(TokenFailureReasons.KiwiUserUnavailable));
}
