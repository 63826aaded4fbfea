using Kiwi.Auth.Validation;

namespace Kiwi.Auth;

/// <summary>The failure an <c>AuthenticateResult</c> carries, so the challenge can tell 401 from 503.</summary>
internal sealed class KiwiAuthenticationFailure(TokenVerdict verdict) : Exception(verdict.Reason)
{
    public TokenVerdict Verdict { get; } = verdict;
}
