using Kiwi.Auth.Errors;
using Kiwi.Auth.Tokens;
using Kiwi.Auth.Validation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kiwi.Auth;

/// <summary>
/// The handler's events and token sources. An event that throws while authenticating turns the request away with
/// 503 (<see cref="KiwiEventFailedException"/>); one that throws in a challenge or forbid gets the default answer
/// written in its place.
/// </summary>
internal sealed partial class KiwiAuthHandler
{
    /// <summary>The events: <see cref="KiwiAuthOptions.Events"/>, or the <c>EventsType</c> from DI.</summary>
    private new KiwiAuthEvents Events => (KiwiAuthEvents)base.Events!;

    protected override Task<object> CreateEventsAsync() => Task.FromResult<object>(new KiwiAuthEvents());

    /// <summary>Reads the token from the configured sources and lets <c>OnMessageReceived</c> see or replace it,
    /// or decide outright.</summary>
    private async Task<(AuthenticateResult? Decided, TokenReadResult Read)> ReadTokenAsync()
    {
        var (read, source) = KiwiTokenSourceReader.Read(Request, Options.TokenSources);
        if (!Events.HasMessageReceived)
        {
            LogTokenSource(source);
            return (null, read);
        }

        var context = new KiwiMessageReceivedContext(Context, Scheme, Options, read.Token, source);
        await RaiseAsync(nameof(KiwiAuthEvents.OnMessageReceived), () => Events.MessageReceived(context));
        if (context.Result is { } result)
        {
            return (Decided(nameof(KiwiAuthEvents.OnMessageReceived), result), read);
        }

        LogTokenSource(context.TokenSource);
        return context.TokenSource == KiwiTokenSource.Event
            ? (null, new TokenReadResult(context.Token, null))
            : (null, read);
    }

    private void LogTokenSource(KiwiTokenSource source)
    {
        if (source is not (KiwiTokenSource.None or KiwiTokenSource.Header))
        {
            Logger.TokenSourceUsed(source);
        }
    }

    /// <summary>Builds the principal of a valid token and lets <c>OnTokenValidated</c> add to it, replace it or
    /// veto it; the user is put on the request only once the event let it through, with the hash of the token
    /// that proved it (none for the local bypass).</summary>
    private async Task<AuthenticateResult> ValidatedAsync(KiwiUser user, string? tokenHash)
    {
        var principal = KiwiPrincipalFactory.Create(user, Scheme.Name);
        if (!Events.HasTokenValidated)
        {
            Context.Features.Set(new KiwiUserFeature(user, Scheme.Name, tokenHash));
            return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
        }

        var context = new KiwiTokenValidatedContext(Context, Scheme, Options, user, principal)
        {
            Properties = new AuthenticationProperties(),
        };
        await RaiseAsync(nameof(KiwiAuthEvents.OnTokenValidated), () => Events.TokenValidated(context));
        if (context.Result is { } result)
        {
            return Decided(nameof(KiwiAuthEvents.OnTokenValidated), result);
        }

        if (context.Principal is null)
        {
            return Fail(TokenVerdict.Invalid(TokenFailureReasons.RejectedByApplication));
        }

        // The principal the event let through speaks for itself, changed in place or replaced: KiwiUser is read from
        // its claims, so that a handler never sees a scope or role authorization did not. The profile stays only on
        // the principal Kiwi.Auth built.
        var validated = KiwiUser.FromPrincipal(context.Principal) is { } read
            ? read with { Profile = ReferenceEquals(context.Principal, principal) ? user.Profile : null }
            : null;
        if (validated is not null)
        {
            Context.Features.Set(new KiwiUserFeature(validated, Scheme.Name, tokenHash));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(context.Principal, context.Properties, Scheme.Name));
    }

    /// <summary>Lets <c>OnAuthenticationFailed</c> see a refused or unchecked token; it may let the request in
    /// (<c>Success</c>) or leave it to other schemes (<c>NoResult</c>).</summary>
    private async Task<AuthenticateResult> FailedAsync(AuthenticateResult result)
    {
        if (result.Failure is not KiwiAuthenticationFailure failure || !Events.HasAuthenticationFailed)
        {
            return result;
        }

        var context = new KiwiAuthenticationFailedContext(Context, Scheme, Options, failure.Verdict, failure);
        await RaiseAsync(nameof(KiwiAuthEvents.OnAuthenticationFailed), () => Events.AuthenticationFailed(context));
        return context.Result switch
        {
            { Succeeded: true } decided => Decided(nameof(KiwiAuthEvents.OnAuthenticationFailed), decided),
            { None: true } => AuthenticateResult.NoResult(),
            _ => result,
        };
    }

    /// <summary>An event's own <c>Fail</c> becomes an invalid verdict with a fixed reason, so that it is a 401 and
    /// its text (which may hold anything) reaches no header.</summary>
    private AuthenticateResult Decided(string eventName, AuthenticateResult result)
    {
        Logger.AuthenticationDecidedByEvent(eventName);
        if (result.Succeeded)
        {
            return result;
        }

        return result.Failure is null
            ? AuthenticateResult.NoResult()
            : Fail(TokenVerdict.Invalid(TokenFailureReasons.RejectedByApplication));
    }

    private Task<bool> ChallengeHandledAsync(AuthenticationProperties properties, int statusCode, TokenVerdict? verdict)
    {
        var context = new KiwiChallengeContext(Context, Scheme, Options, properties, statusCode, verdict);
        SetFailureStatus(statusCode);
        return ResponseHandledAsync(nameof(KiwiAuthEvents.OnChallenge), () => Events.Challenge(context), context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var scopes = KiwiForbiddenReason.ScopesOf(properties);
        var context = new KiwiForbiddenContext(Context, Scheme, Options, properties, scopes);
        SetFailureStatus(StatusCodes.Status403Forbidden);
        if (await ResponseHandledAsync(nameof(KiwiAuthEvents.OnForbidden), () => Events.Forbidden(context), context))
        {
            return;
        }

        await KiwiErrorResponder.WriteAsync(Context, KiwiForbiddenReason.ResponseFor(properties), Options.ErrorFormat);
    }

    /// <summary>Sets the refusal's status before a response event runs, so that an event that writes its own answer
    /// and forgets the status still refuses (fail closed) instead of answering 200.</summary>
    private void SetFailureStatus(int statusCode)
    {
        if (!Response.HasStarted)
        {
            Response.StatusCode = statusCode;
        }
    }

    /// <summary>Whether a response event wrote the answer. One that threw counts as not handled, so the default is
    /// written, unless it had already started the response.</summary>
    private async Task<bool> ResponseHandledAsync(string eventName, Func<Task> raise, object context)
    {
        try
        {
            await raise();
        }
#pragma warning disable CA1031 // An application's event must not turn a 401 or 403 into a 500.
        catch (Exception exception) when (!Context.RequestAborted.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Logger.EventFailed(exception, eventName);
            return Response.HasStarted;
        }

        return context switch
        {
            KiwiChallengeContext challenge => challenge.Handled,
            KiwiForbiddenContext forbidden => forbidden.Handled,
            _ => false,
        };
    }

    private async Task RaiseAsync(string eventName, Func<Task> raise)
    {
        try
        {
            await raise();
        }
        catch (Exception exception) when (!Context.RequestAborted.IsCancellationRequested)
        {
            Logger.EventFailed(exception, eventName);
            throw new KiwiEventFailedException(eventName, exception);
        }
    }
}
