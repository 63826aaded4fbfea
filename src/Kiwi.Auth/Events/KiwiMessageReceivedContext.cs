using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Kiwi.Auth;

/// <summary>The context of <see cref="KiwiAuthEvents.OnMessageReceived"/>.</summary>
public class KiwiMessageReceivedContext : ResultContext<KiwiAuthOptions>
{
    private string? _token;

    /// <summary>Creates the context.</summary>
    /// <param name="context">The request.</param>
    /// <param name="scheme">The scheme.</param>
    /// <param name="options">The scheme's options.</param>
    /// <param name="token">The token found, if any.</param>
    /// <param name="tokenSource">Where it was found.</param>
    public KiwiMessageReceivedContext(
        HttpContext context, AuthenticationScheme scheme, KiwiAuthOptions options, string? token,
        KiwiTokenSource tokenSource)
        : base(context, scheme, options)
    {
        _token = token;
        TokenSource = tokenSource;
    }

    /// <summary>
    /// The token the handler found, or <see langword="null"/>. Set it to supply the token yourself (from another
    /// header, say); <see cref="TokenSource"/> then becomes <see cref="KiwiTokenSource.Event"/>. The token is then
    /// checked exactly like one from the header.
    /// </summary>
    public string? Token
    {
        get => _token;
        set
        {
            _token = value;
            TokenSource = value is null ? KiwiTokenSource.None : KiwiTokenSource.Event;
        }
    }

    /// <summary>Where <see cref="Token"/> came from.</summary>
    public KiwiTokenSource TokenSource { get; private set; }
}
