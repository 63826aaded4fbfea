namespace Kiwi.Auth;

/// <summary>Where the token of a request came from.</summary>
public enum KiwiTokenSource
{
    /// <summary>The request carries no token.</summary>
    None = 0,

    /// <summary><c>Authorization: Bearer &lt;token&gt;</c> (or kiwi's <c>JWT</c> scheme).</summary>
    Header = 1,

    /// <summary>The <c>access_token</c> cookie; see <see cref="KiwiTokenSourceOptions.Cookie"/>.</summary>
    Cookie = 2,

    /// <summary>The <c>access_token</c> query parameter on a listed path; see
    /// <see cref="KiwiTokenSourceOptions.QueryStringPaths"/>.</summary>
    QueryString = 3,

    /// <summary>Set by <see cref="KiwiAuthEvents.OnMessageReceived"/>.</summary>
    Event = 4,
}
