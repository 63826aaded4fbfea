using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Kiwi.User.Client.Http;

/// <summary>
/// A <see cref="DelegatingHandler"/> for outgoing <see cref="HttpClient"/>s that sends a kiwi-user access token as
/// <c>Authorization: Bearer</c> and, when the server answers 401, renews the token and sends the request once more
/// (never twice). Only content known to read the same twice (none, string, bytes, form, JSON, multipart of those) is
/// sent again; for any other (a <see cref="StreamContent"/>, whose stream may be one-shot) the token is still renewed
/// but the 401 is handed back, so the caller can send a fresh body.
/// </summary>
public abstract class KiwiAccessTokenHandler : DelegatingHandler
{
    /// <summary>Gets the token to send.</summary>
    /// <param name="request">The outgoing request.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The access token, or <see langword="null"/> to send the request without one.</returns>
    protected abstract Task<string?> GetAccessTokenAsync(
        HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>Gets a token to replace one the server rejected with 401.</summary>
    /// <param name="request">The outgoing request.</param>
    /// <param name="rejectedAccessToken">The token that was rejected.</param>
    /// <param name="cancellationToken">Cancels the renewal.</param>
    /// <returns>A new token, or <see langword="null"/> to hand the 401 to the caller.</returns>
    protected abstract Task<string?> RenewAccessTokenAsync(
        HttpRequestMessage request, string rejectedAccessToken, CancellationToken cancellationToken);

    /// <inheritdoc />
    protected sealed override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var token = await GetAccessTokenAsync(request, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        return await RetryOnceAsync(request, token, response, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> RetryOnceAsync(
        HttpRequestMessage request, string rejectedToken, HttpResponseMessage unauthorized,
        CancellationToken cancellationToken)
    {
        string? renewed;
        try
        {
            renewed = await RenewAccessTokenAsync(request, rejectedToken, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            unauthorized.Dispose();
            throw;
        }

        if (renewed is null || renewed == rejectedToken || !CanResend(request.Content))
        {
            return unauthorized;
        }

        unauthorized.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the content writes the same bytes a second time. A stream's content cannot promise that: a
    /// one-shot stream fails the resend, and a custom content may write nothing the second time.</summary>
    private static bool CanResend(HttpContent? content) => content switch
    {
        null => true,
        ByteArrayContent or ReadOnlyMemoryContent or JsonContent => true,
        MultipartContent parts => parts.All(CanResend),
        _ => false,
    };
}
