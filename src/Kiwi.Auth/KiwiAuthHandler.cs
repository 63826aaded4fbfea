using System.Text.Encodings.Web;
using Kiwi.Auth.Errors;
using Kiwi.Auth.Telemetry;
using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiwi.Auth;

/// <summary>
/// The <c>Kiwi</c> scheme: reads the bearer token, rejects cheap garbage without a call, gets a verdict and answers
/// 401 for an invalid token and 503 with <c>Retry-After</c> when kiwi-user cannot give one. No exception leaves it:
/// an unexpected one turns the request away with 503, never in.
/// </summary>
internal sealed partial class KiwiAuthHandler(
    IOptionsMonitor<KiwiAuthOptions> options,
    QuietFailureLoggerFactory loggerFactory,
    UrlEncoder encoder,
    TokenVerdictService verdicts,
    KiwiAuthMetrics? metrics = null)
    : AuthenticationHandler<KiwiAuthOptions>(options, loggerFactory, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        try
        {
            return await FailedAsync(await AuthenticateCoreAsync());
        }
        catch (OperationCanceledException) when (Context.RequestAborted.IsCancellationRequested)
        {
            return Fail(TokenVerdict.Unavailable(TokenFailureReasons.RequestAborted));
        }
        catch (KiwiEventFailedException)
        {
            return Fail(TokenVerdict.Unavailable(TokenFailureReasons.InternalFailure));
        }
#pragma warning disable CA1031 // Fail closed: a bug or an unforeseen fault must turn the request away, not crash it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Logger.AuthenticationCrashed(exception);
            return Fail(TokenVerdict.Unavailable(TokenFailureReasons.InternalFailure));
        }
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.RequestAborted.IsCancellationRequested)
        {
            // Nobody reads this answer; say so in the server's own logs instead of writing a body.
            Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            return;
        }

        var result = await HandleAuthenticateOnceSafeAsync();
        var verdict = VerdictOf(result);
        var error = verdict.Kind == TokenVerdictKind.Unavailable
            ? KiwiErrorResponse.Unavailable(verdict.Reason, Options.RetryAfter)
            : KiwiErrorResponse.Unauthorized(result.Failure is null ? null : verdict.Reason);
        try
        {
            if (!await ChallengeHandledAsync(properties, error.StatusCode, result.Failure is null ? null : verdict))
            {
                await KiwiErrorResponder.WriteAsync(Context, error, Options.ErrorFormat);
            }
        }
        catch (OperationCanceledException) when (Context.RequestAborted.IsCancellationRequested)
        {
            Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
        }
    }

    private async Task<AuthenticateResult> AuthenticateCoreAsync()
    {
        if (Options.LocalBypass.Enabled)
        {
            metrics?.Verdict(VerdictSources.Bypass, TokenVerdictKind.Valid, "");
            return await ValidatedAsync(LocalBypassUser.Create(Options.LocalBypass, TimeProvider.GetUtcNow()), null);
        }

        var (decided, read) = await ReadTokenAsync();
        if (decided is not null)
        {
            return decided;
        }

        if (read.IsNone)
        {
            return AuthenticateResult.NoResult();
        }

        if (read.Failure is { } failure)
        {
            Logger.CredentialsRejected(failure);
            metrics?.Verdict(VerdictSources.Precheck, TokenVerdictKind.Invalid, failure);
            return Fail(TokenVerdict.Invalid(failure));
        }

        return await ValidateAsync(read.Token!);
    }

    /// <summary>The span checks, then the verdict cache in memory, and only on a miss the JSON decoding and the
    /// full way through <see cref="TokenVerdictService.GetVerdictAsync"/>.</summary>
    private async Task<AuthenticateResult> ValidateAsync(string raw)
    {
        if (!KiwiTokenParser.TryCheckFormat(raw, Options.MaxTokenLength, out var reason))
        {
            return Malformed(reason);
        }

        if (verdicts.GetCachedBeforeParse(raw, Scheme.Name, out var hash) is { } cached)
        {
            return await AnswerAsync(cached, hash!);
        }

        if (!KiwiTokenParser.TryParse(raw, Options.MaxTokenLength, hash, out var token, out reason))
        {
            return Malformed(reason);
        }

        var verdict = await verdicts.GetVerdictAsync(token!, Scheme.Name, Context.RequestAborted);
        return await AnswerAsync(verdict, token!.Hash);
    }

    private async Task<AuthenticateResult> AnswerAsync(TokenVerdict verdict, string tokenHash)
    {
        if (verdict.Kind == TokenVerdictKind.Valid)
        {
            return await ValidatedAsync(verdict.User!, tokenHash);
        }

        if (verdict.Kind == TokenVerdictKind.Invalid)
        {
            Logger.TokenRejected(KiwiToken.ShortHashOf(tokenHash), verdict.Reason);
        }

        return Fail(verdict);
    }

    private AuthenticateResult Malformed(string reason)
    {
        Logger.CredentialsRejected(reason);
        metrics?.Verdict(VerdictSources.Precheck, TokenVerdictKind.Invalid, reason);
        return Fail(TokenVerdict.Invalid(reason));
    }

    /// <summary>The verdict behind a result. A failure that is not ours (an exception the base class caught)
    /// counts as unavailable: it says nothing about the token, so it must neither let in nor log out.</summary>
    private static TokenVerdict VerdictOf(AuthenticateResult result) => result.Failure switch
    {
        null => TokenVerdict.Invalid(""),
        KiwiAuthenticationFailure failure => failure.Verdict,
        _ => TokenVerdict.Unavailable(TokenFailureReasons.InternalFailure),
    };

    private static AuthenticateResult Fail(TokenVerdict verdict) =>
        AuthenticateResult.Fail(new KiwiAuthenticationFailure(verdict));
}
