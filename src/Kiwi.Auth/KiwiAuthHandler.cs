using System.Text.Encodings.Web;
using Kiwi.Auth.Errors;
using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;
using Kiwi.User.Client.Models;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Kiwi.Auth;

/// <summary>
/// The <c>Kiwi</c> scheme: reads the bearer token, rejects cheap garbage without a call, gets a verdict and answers
/// 401 for an invalid token and 503 with <c>Retry-After</c> when kiwi-user cannot give one.
/// </summary>
internal sealed class KiwiAuthHandler(
    IOptionsMonitor<KiwiAuthOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    TokenVerdictService verdicts)
    : AuthenticationHandler<KiwiAuthOptions>(options, loggerFactory, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Options.LocalBypass.Enabled)
        {
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
            return Fail(TokenVerdict.Invalid(failure));
        }

        if (!KiwiTokenParser.TryParse(read.Token!, Options.MaxTokenLength, out var token, out var reason))
        {
            Logger.CredentialsRejected(reason);
            return Fail(TokenVerdict.Invalid(reason));
        }

        var verdict = await verdicts.GetVerdictAsync(token!, Scheme.Name, Context.RequestAborted);
        if (verdict.Kind == TokenVerdictKind.Valid)
        {
            return Success(verdict.User!);
        }

        Logger.TokenRejected(token!.ShortHash, verdict.Reason);
        return Fail(verdict);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var failure = result.Failure as KiwiAuthenticationFailure;

        if (failure?.Verdict.Kind == TokenVerdictKind.Unavailable)
        {
            await WriteUnavailableAsync(failure.Verdict.Reason);
            return;
        }

        Response.Headers.WWWAuthenticate = BuildChallenge(failure?.Verdict.Reason);
        var message = failure is null ? "Unauthorized" : $"Unauthorized: {failure.Verdict.Reason}";
        await KiwiErrorWriter.WriteAsync(Response, 401, KiwiErrorCodes.Unauthorized, message);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        KiwiErrorWriter.WriteAsync(Response, 403, KiwiErrorCodes.Forbidden, "Forbidden");

    private Task WriteUnavailableAsync(string reason)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(Options.RetryAfter.TotalSeconds));
        Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return KiwiErrorWriter.WriteAsync(Response, 503, KiwiErrorCodes.InternalError, $"Server Internal Error: {reason}");
    }

    private static string BuildChallenge(string? reason) => reason is null
        ? "Bearer"
        : $"Bearer error=\"invalid_token\", error_description=\"{reason}\"";

    private AuthenticateResult Success(KiwiUser user)
    {
        Context.Features.Set(new KiwiUserFeature(user));
        var principal = KiwiPrincipalFactory.Create(user, Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    private static AuthenticateResult Fail(TokenVerdict verdict) =>
        AuthenticateResult.Fail(new KiwiAuthenticationFailure(verdict));
}
