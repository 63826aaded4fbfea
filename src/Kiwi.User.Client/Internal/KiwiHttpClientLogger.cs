using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace Kiwi.User.Client.Internal;

/// <summary>
/// Logs each request of a client that carries kiwi-user tokens: method, address without its query, status and
/// duration; never a header. It replaces the default HttpClient loggers, whose Trace lines print header values as
/// <c>*</c> but hand the raw values (<c>Authorization=Bearer ...</c>) to any logger that stores structured state.
/// </summary>
internal sealed class KiwiHttpClientLogger(ILogger logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(
        object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        logger.HttpRequestCompleted(
            request.Method.Method, AddressOf(request), (int)response.StatusCode, elapsed.TotalMilliseconds);
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response,
        Exception exception, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(exception);
        logger.HttpRequestFailed(
            request.Method.Method, AddressOf(request), exception.GetType().Name, elapsed.TotalMilliseconds);
    }

    /// <summary>Scheme, host, port and path: no query (it may hold a token) and no user info (a password).</summary>
    internal static string AddressOf(HttpRequestMessage request) => request.RequestUri switch
    {
        { IsAbsoluteUri: true } uri => uri.GetComponents(
            UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped),
        { } uri => uri.OriginalString.Split('?')[0],
        null => "",
    };
}
