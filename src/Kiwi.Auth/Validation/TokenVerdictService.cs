using Kiwi.Auth.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kiwi.Auth.Validation;

/// <summary>
/// Gives a parsed token its verdict: the shared claim rules first (no call for an expired or wrong-type token),
/// then the validator of the configured mode.
/// </summary>
internal sealed class TokenVerdictService(
    IServiceProvider services, IOptionsMonitor<KiwiAuthOptions> optionsMonitor, TimeProvider timeProvider)
{
    public ValueTask<TokenVerdict> GetVerdictAsync(KiwiToken token, string scheme, CancellationToken cancellationToken)
    {
        var options = optionsMonitor.Get(scheme);

        var broken = TokenClaimsPolicy.Check(token, options, timeProvider.GetUtcNow());
        if (broken is not null)
        {
            return ValueTask.FromResult(TokenVerdict.Invalid(broken));
        }

        var validator = services.GetRequiredKeyedService<ITokenValidator>(options.Mode);
        return validator.ValidateAsync(token, cancellationToken);
    }
}
