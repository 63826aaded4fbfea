using Kiwi.Auth.Tokens;
using Kiwi.User.Client;
using Kiwi.User.Client.Models;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Kiwi.Auth.Validation;

/// <summary>Asks kiwi-user with <c>POST /v1/token/verify</c>. Any answer that is not a well-formed verdict is
/// <see cref="TokenVerdictKind.Unavailable"/>, so an outage never logs users out.</summary>
/// <remarks>
/// The call does not take the caller's cancellation token. A caller that hangs up only stops waiting; the call
/// itself ends when kiwi-user answers or the pipeline's total timeout ends it. Cancelling the call would make
/// the abort look like a kiwi-user fault to the circuit breaker (or, half-open, like a success), and a verdict
/// shared between callers must not die with the first one.
/// </remarks>
internal sealed class RemoteTokenValidator(IHttpClientFactory httpClientFactory, ILogger<RemoteTokenValidator> logger)
    : ITokenValidator
{
    /// <summary>1 while kiwi-user fails: an outage logs one warning when it starts and one line when it ends,
    /// not one per request.</summary>
    private int _failing;

    public async ValueTask<TokenVerdict> ValidateAsync(KiwiToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);

        var call = VerifyAsync(token);
        try
        {
            return await call.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.VerificationAbandoned(token.ShortHash);
            return TokenVerdict.Unavailable(TokenFailureReasons.RequestAborted);
        }
    }

    /// <summary>Never throws, so that an abandoned call leaves no unobserved exception behind.</summary>
    private async Task<TokenVerdict> VerifyAsync(KiwiToken token)
    {
        var client = new KiwiUserClient(httpClientFactory.CreateClient(KiwiAuthDefaults.HttpClientName));
        try
        {
            var verification = await client.VerifyTokenAsync(token.Raw, CancellationToken.None);
            var verdict = Map(token, verification);
            if (verdict.Kind == TokenVerdictKind.Unavailable)
            {
                return NoteFailure(token, "an answer that is not a well-formed verdict");
            }

            NoteAnswer();
            return verdict;
        }
        catch (Exception exception) when (exception is BrokenCircuitException
            || exception.InnerException is BrokenCircuitException)
        {
            // The client wraps Polly's rejections; the open breaker is not a new failure, only its echo.
            logger.CallRejected(token.ShortHash);
            return TokenVerdict.Unavailable(TokenFailureReasons.KiwiUserPaused);
        }
        catch (Exception exception) when (exception is TimeoutRejectedException
            || exception.InnerException is TimeoutRejectedException)
        {
            return NoteFailure(token, "no answer within KiwiAuth:TotalTimeout");
        }
        catch (KiwiUserException exception)
        {
            return NoteFailure(token, exception.Message);
        }
#pragma warning disable CA1031 // Fail closed: whatever else goes wrong with the answer, the token is not let in.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.KiwiUserAnswerUnhandled(token.ShortHash, exception.GetType().Name);
            return NoteFailure(token, exception.GetType().Name);
        }
    }

    private void NoteAnswer()
    {
        if (Interlocked.Exchange(ref _failing, 0) == 1)
        {
            logger.KiwiUserRecovered();
        }
    }

    private TokenVerdict NoteFailure(KiwiToken token, string failure)
    {
        logger.KiwiUserUnavailable(token.ShortHash, failure);
        if (Interlocked.Exchange(ref _failing, 1) == 0)
        {
            logger.KiwiUserFailing(failure);
        }

        return TokenVerdict.Unavailable(TokenFailureReasons.KiwiUserUnavailable);
    }

    /// <summary>Total: every answer maps to exactly one verdict; only a well-formed success is valid.</summary>
    internal static TokenVerdict Map(KiwiToken token, TokenVerification verification)
    {
        if (!verification.Success)
        {
            return TokenVerdict.Invalid(TokenFailureReasons.RejectedByKiwiUser);
        }

        if (verification.UserInfo is not { } info || !IsSameUser(token, info))
        {
            return TokenVerdict.Unavailable(TokenFailureReasons.KiwiUserUnavailable);
        }

        return TokenVerdict.Valid(token.Payload.ToUser() with { Profile = info });
    }

    private static bool IsSameUser(KiwiToken token, KiwiUserInfo info) =>
        !string.IsNullOrEmpty(info.Id) && string.Equals(info.Id, token.Payload.Subject, StringComparison.Ordinal);
}
