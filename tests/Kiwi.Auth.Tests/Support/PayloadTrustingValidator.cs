using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;

namespace Kiwi.Auth.Tests.Support;

/// <summary>Accepts any well-formed token as its payload says; counts its calls.</summary>
public sealed class PayloadTrustingValidator : ITokenValidator
{
    private int _calls;

    public int Calls => _calls;

    public ValueTask<TokenVerdict> ValidateAsync(KiwiToken token, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult(TokenVerdict.Valid(token.Payload.ToUser()));
    }
}
