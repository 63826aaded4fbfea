using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Kiwi.User.Client.Internal;
using Kiwi.User.Client.Json;
using Kiwi.User.Client.Models;

namespace Kiwi.User.Client;

/// <summary>
/// The <see cref="IKiwiUserClient"/> over a typed <see cref="HttpClient"/>. The endpoints live in
/// <c>KiwiUserClient.*.cs</c>, one file per route group; this file sends and unwraps.
/// </summary>
/// <param name="httpClient">An <see cref="HttpClient"/> whose base address is kiwi-user's.</param>
public sealed partial class KiwiUserClient(HttpClient httpClient) : IKiwiUserClient
{
    private static readonly KiwiUserJsonContext Json = KiwiUserJsonContext.Default;

    private static HttpRequestMessage JsonRequest<T>(
        HttpMethod method, string path, T body, JsonTypeInfo<T> typeInfo) =>
        new(method, path) { Content = JsonContent.Create(body, typeInfo) };

    private static HttpRequestMessage JsonPost<T>(string path, T body, JsonTypeInfo<T> typeInfo) =>
        JsonRequest(HttpMethod.Post, path, body, typeInfo);

    private static HttpRequestMessage NotRetryable(HttpRequestMessage request)
    {
        KiwiRequestPolicy.MarkNotRetryable(request);
        return request;
    }

    private static HttpRequestMessage Authorize(HttpRequestMessage message, string accessToken)
    {
        if (string.IsNullOrEmpty(accessToken))
        {
            message.Dispose();
            throw new ArgumentException("An access token is required.", nameof(accessToken));
        }

        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return message;
    }

    private async Task<T> SendAsync<T>(
        HttpRequestMessage request, JsonTypeInfo<KiwiEnvelope<T>> typeInfo, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await SendRawAsync(request, cancellationToken).ConfigureAwait(false);
            var envelope = await ReadEnvelopeAsync(response, typeInfo, cancellationToken).ConfigureAwait(false);
            return Unwrap(response.StatusCode, envelope);
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new KiwiUserUnavailableException("kiwi-user could not be reached.", innerException: exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new KiwiUserUnavailableException("kiwi-user did not answer in time.", innerException: exception);
        }
    }

    private static async Task<KiwiEnvelope<T>> ReadEnvelopeAsync<T>(
        HttpResponseMessage response, JsonTypeInfo<KiwiEnvelope<T>> typeInfo, CancellationToken cancellationToken)
    {
        try
        {
            // Validation 400s arrive as text/plain with a JSON body; ReadFromJsonAsync does not check the type.
            var envelope = await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken).ConfigureAwait(false);
            return envelope ?? throw NotAnEnvelope(response.StatusCode, null);
        }
        catch (JsonException exception)
        {
            throw NotAnEnvelope(response.StatusCode, exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw new KiwiUserUnavailableException("kiwi-user's answer was cut off.", response.StatusCode, exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new KiwiUserUnavailableException(
                "kiwi-user did not finish its answer in time.", response.StatusCode, exception);
        }
    }

    private static T Unwrap<T>(HttpStatusCode statusCode, KiwiEnvelope<T> envelope)
    {
        // An error without kiwi's code (say "error":{} from a proxy) is no verdict of kiwi-user's: it must not
        // read as a refusal that ends a session.
        if (envelope.Error is { Code: > 0, Message: not null } error && statusCode != HttpStatusCode.OK)
        {
            throw KiwiUserException.FromError(statusCode, error);
        }

        if (envelope.Status != "success" || envelope.Error is not null || envelope.Data is null
            || statusCode != HttpStatusCode.OK || envelope.Data is IKiwiAnswer { IsWellFormed: false })
        {
            throw NotAnEnvelope(statusCode, null);
        }

        return envelope.Data;
    }

    private static KiwiUserUnavailableException NotAnEnvelope(HttpStatusCode statusCode, Exception? inner) =>
        new($"kiwi-user answered {(int)statusCode} without a well-formed envelope.", statusCode, inner);
}
