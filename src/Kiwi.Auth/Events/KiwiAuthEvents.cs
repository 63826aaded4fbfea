namespace Kiwi.Auth;

/// <summary>
/// Hooks into the <c>Kiwi</c> scheme, in the style of ASP.NET Core's own handlers: set the delegates, or derive,
/// override the virtual methods and name the type in <c>KiwiAuthOptions.EventsType</c> to have it built from DI.
/// </summary>
/// <remarks>
/// An exception thrown by an event never becomes a 500 from the handler: while authenticating it turns the request
/// away with 503 (the token's fate is unknown, so neither in nor a 401 that would log the user out); in
/// <see cref="OnChallenge"/> or <see cref="OnForbidden"/> the default answer is written instead, unless the event
/// had already started the response. Either way it is logged (event <c>KiwiAuthEventFailed</c>).
/// </remarks>
public class KiwiAuthEvents
{
    // The defaults of the events on every request, kept so the handler can tell that none was set and skip
    // building their contexts.
    private static readonly Func<KiwiMessageReceivedContext, Task> NoMessageReceived = static _ => Task.CompletedTask;
    private static readonly Func<KiwiTokenValidatedContext, Task> NoTokenValidated = static _ => Task.CompletedTask;
    private static readonly Func<KiwiAuthenticationFailedContext, Task> NoAuthenticationFailed =
        static _ => Task.CompletedTask;

    /// <summary>
    /// After the token was looked for, before it is parsed: see <see cref="KiwiMessageReceivedContext.Token"/> and
    /// <see cref="KiwiMessageReceivedContext.TokenSource"/>, replace the token, or decide with <c>Success</c>,
    /// <c>Fail</c> or <c>NoResult</c>.
    /// </summary>
    public Func<KiwiMessageReceivedContext, Task> OnMessageReceived { get; set; } = NoMessageReceived;

    /// <summary>After the token was found valid: add claims to the principal, or veto it with <c>Fail</c>
    /// (401 <c>invalid_token</c>).</summary>
    public Func<KiwiTokenValidatedContext, Task> OnTokenValidated { get; set; } = NoTokenValidated;

    /// <summary>When a token was refused (401) or could not be checked (503); may still decide otherwise.</summary>
    public Func<KiwiAuthenticationFailedContext, Task> OnAuthenticationFailed { get; set; } = NoAuthenticationFailed;

    /// <summary>Before the 401 or 503 is written; call <c>HandleResponse()</c> after writing your own.</summary>
    public Func<KiwiChallengeContext, Task> OnChallenge { get; set; } = static _ => Task.CompletedTask;

    /// <summary>Before the 403 is written; call <c>HandleResponse()</c> after writing your own.</summary>
    public Func<KiwiForbiddenContext, Task> OnForbidden { get; set; } = static _ => Task.CompletedTask;

    /// <summary>Whether <see cref="MessageReceived"/> can do anything: a derived type may override it.</summary>
    internal bool HasMessageReceived =>
        GetType() != typeof(KiwiAuthEvents) || !ReferenceEquals(OnMessageReceived, NoMessageReceived);

    /// <summary>Whether <see cref="TokenValidated"/> can do anything.</summary>
    internal bool HasTokenValidated =>
        GetType() != typeof(KiwiAuthEvents) || !ReferenceEquals(OnTokenValidated, NoTokenValidated);

    /// <summary>Whether <see cref="AuthenticationFailed"/> can do anything.</summary>
    internal bool HasAuthenticationFailed =>
        GetType() != typeof(KiwiAuthEvents) || !ReferenceEquals(OnAuthenticationFailed, NoAuthenticationFailed);

    /// <summary>Raises <see cref="OnMessageReceived"/>.</summary>
    /// <param name="context">The context.</param>
    /// <returns>A task that completes with the event.</returns>
    public virtual Task MessageReceived(KiwiMessageReceivedContext context) => OnMessageReceived(context);

    /// <summary>Raises <see cref="OnTokenValidated"/>.</summary>
    /// <param name="context">The context.</param>
    /// <returns>A task that completes with the event.</returns>
    public virtual Task TokenValidated(KiwiTokenValidatedContext context) => OnTokenValidated(context);

    /// <summary>Raises <see cref="OnAuthenticationFailed"/>.</summary>
    /// <param name="context">The context.</param>
    /// <returns>A task that completes with the event.</returns>
    public virtual Task AuthenticationFailed(KiwiAuthenticationFailedContext context) =>
        OnAuthenticationFailed(context);

    /// <summary>Raises <see cref="OnChallenge"/>.</summary>
    /// <param name="context">The context.</param>
    /// <returns>A task that completes with the event.</returns>
    public virtual Task Challenge(KiwiChallengeContext context) => OnChallenge(context);

    /// <summary>Raises <see cref="OnForbidden"/>.</summary>
    /// <param name="context">The context.</param>
    /// <returns>A task that completes with the event.</returns>
    public virtual Task Forbidden(KiwiForbiddenContext context) => OnForbidden(context);
}
