namespace Kiwi.Auth;

/// <summary>
/// Where the handler looks for a token besides the <c>Authorization</c> header. Every extra source is off by default.
/// When several are on, the order is kiwi-user's own: the cookie, then the header, then the query string.
/// </summary>
public sealed class KiwiTokenSourceOptions
{
    /// <summary>The name of the cookie and of the query parameter: <c>access_token</c>, as kiwi-user reads it.
    /// </summary>
    public const string ParameterName = "access_token";

    /// <summary>
    /// Reads the <c>access_token</c> cookie first, as kiwi-user does: when the cookie is present its value is the
    /// token (even when empty) and the header is ignored. Default: <see langword="false"/>.
    /// </summary>
    /// <remarks>A cookie is sent by the browser on its own, so an API that accepts it needs protection against
    /// cross-site request forgery (SameSite cookies, antiforgery tokens) for requests that change state.</remarks>
    public bool Cookie { get; set; }

    /// <summary>
    /// Paths (and the paths below them, such as <c>/hubs/chat</c> for <c>/hubs/chat/negotiate</c>) on which an
    /// <c>access_token</c> query parameter is read when the request has no <c>Authorization</c> header: for
    /// WebSockets, SignalR and server-sent events, where browsers cannot set headers. Each starts with <c>/</c>.
    /// Default: none.
    /// </summary>
    /// <remarks>URLs end up in access logs and browser history; list only the paths that need it.</remarks>
    public IList<string> QueryStringPaths { get; set; } = [];
}
