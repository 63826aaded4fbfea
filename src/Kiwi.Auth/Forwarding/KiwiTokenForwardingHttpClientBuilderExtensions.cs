using Kiwi.Auth;
using Kiwi.Auth.Forwarding;
using Kiwi.User.Client.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // Extension methods live in the DI namespace so that they are found without a using.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Adds token forwarding to outgoing <see cref="HttpClient"/>s.</summary>
public static class KiwiTokenForwardingHttpClientBuilderExtensions
{
    /// <summary>
    /// Sends the incoming request's kiwi-user access token (<c>Authorization: Bearer</c>) with every request of
    /// this client, so that a downstream API behind Kiwi.Auth sees the same user. Only requests that Kiwi.Auth
    /// authenticated forward a token, read from the scheme's token sources (a token set by the
    /// <c>OnMessageReceived</c> event is not known here and is not forwarded). A downstream 401 is returned as it
    /// is: the token is the caller's and only the caller can refresh it. The client's default loggers are replaced
    /// by one that logs no header: theirs would hand the token to any logger that stores structured values.
    /// </summary>
    /// <param name="builder">The client's builder.</param>
    /// <returns>The builder.</returns>
    public static IHttpClientBuilder AddKiwiTokenForwarding(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHttpContextAccessor();
        builder.UseTokenSafeLogging();
        return builder.AddHttpMessageHandler(provider => new KiwiTokenForwardingHandler(
            provider.GetRequiredService<IHttpContextAccessor>(),
            provider.GetRequiredService<IOptionsMonitor<KiwiAuthOptions>>()));
    }
}
