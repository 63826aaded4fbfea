using System.Globalization;
using System.Text.Encodings.Web;
using Kiwi.Auth.Errors;
using Kiwi.Auth.Telemetry;
using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;
using Kiwi.User.Client.Models;
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
internal sealed class KiwiAuthHandler(
    IOptionsMonitor<KiwiAuthOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    TokenVerdictService verdicts,
    KiwiAuthMetrics? metrics = null)
    : AuthenticationHandler<KiwiAuthOptions>(options, loggerFactory, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        try
        {
            return await AuthenticateCoreAsync();
        }
        catch (OperationCanceledException) when (Context.RequestAborted.IsCancellationRequested)
        {
            return Fail(TokenVerdict.Unavailable(TokenFailureReasons.RequestAborted));
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
        try
        {
            await (verdict.Kind == TokenVerdictKind.Unavailable
                ? WriteUnavailableAsync(verdict.Reason)
                : WriteUnauthorizedAsync(result.Failure is null ? null : verdict.Reason));
        }
        catch (OperationCanceledException) when (Context.RequestAborted.IsCancellationRequested)
        {
            Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
        }
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        KiwiErrorWriter.WriteAsync(Response, StatusCodes.Status403Forbidden, KiwiErrorCodes.Forbidden, "Forbidden");

    private async Task<AuthenticateResult> AuthenticateCoreAsync()
    {
        if (Options.LocalBypass.Enabled)
        {
            metrics?.Verdict(VerdictSources.Bypass, TokenVerdictKind.Valid, "");
            return Success(LocalBypassUser.Create(Options.LocalBypass, TimeProvider.GetUtcNow()));
        }

        var read = BearerTokenReader.Read(Request);
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

        if (!KiwiTokenParser.TryParse(read.Token!, Options.MaxTokenLength, out var token, out var reason))
        {
            Logger.CredentialsRejected(reason);
            metrics?.Verdict(VerdictSources.Precheck, TokenVerdictKind.Invalid, reason);
            return Fail(TokenVerdict.Invalid(reason));
        }

        return await ValidateAsync(token!);
    }

    private async Task<AuthenticateResult> ValidateAsync(KiwiToken token)
    {
        var verdict = await verdicts.GetVerdictAsync(token, Scheme.Name, Context.RequestAborted);
        if (verdict.Kind == TokenVerdictKind.Valid)
        {
            return Success(verdict.User!);
        }

        if (verdict.Kind == TokenVerdictKind.Invalid)
        {
            Logger.TokenRejected(token.ShortHash, verdict.Reason);
        }

        return Fail(verdict);
    }

    /// <summary>The verdict behind a result. A failure that is not ours (an exception the base class caught)
    /// counts as unavailable: it says nothing about the token, so it must neither let in nor log out.</summary>
    private static TokenVerdict VerdictOf(AuthenticateResult result) => result.Failure switch
    {
        null => TokenVerdict.Invalid(""),
        KiwiAuthenticationFailure failure => failure.Verdict,
        _ => TokenVerdict.Unavailable(TokenFailureReasons.InternalFailure),
    };

    private Task WriteUnauthorizedAsync(string? reason)
    {
        Response.Headers.WWWAuthenticate = reason is null
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{reason}\"";
        var message = reason is null ? "Unauthorized" : $"Unauthorized: {reason}";
        return KiwiErrorWriter.WriteAsync(Response, StatusCodes.Status401Unauthorized, KiwiErrorCodes.Unauthorized, message);
    }

    /// <summary>503, never 401: front ends clear their tokens on a 401, and an outage must not log users out.
    /// </summary>
    private Task WriteUnavailableAsync(string reason)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(Options.RetryAfter.TotalSeconds));
        Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return KiwiErrorWriter.WriteAsync(
            Response, StatusCodes.Status503ServiceUnavailable, KiwiErrorCodes.InternalError, $"Service Unavailable: {reason}");
    }

    private AuthenticateResult Success(KiwiUser user)
    {
        Context.Features.Set(new KiwiUserFeature(user));
        var principal = KiwiPrincipalFactory.Create(user, Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    private static AuthenticateResult Fail(TokenVerdict verdict) =>
        AuthenticateResult.Fail(new KiwiAuthenticationFailure(verdict));
}
