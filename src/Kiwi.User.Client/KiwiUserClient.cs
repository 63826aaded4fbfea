using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Kiwi.User.Client.Json;
using Kiwi.User.Client.Models;
using Kiwi.User.Client.Models.Requests;

namespace Kiwi.User.Client;

/// <summary>The <see cref="IKiwiUserClient"/> over a typed <see cref="HttpClient"/>.</summary>
/// <param name="httpClient">An <see cref="HttpClient"/> whose base address is kiwi-user's.</param>
public sealed class KiwiUserClient(HttpClient httpClient) : IKiwiUserClient
{
    private static readonly KiwiUserJsonContext Json = KiwiUserJsonContext.Default;

    /// <inheritdoc />
    public async Task<TokenVerification> VerifyTokenAsync(
        string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accessToken);
        using var request = JsonPost("v1/token/verify", new VerifyTokenRequest(accessToken), Json.VerifyTokenRequest);
        return await SendAsync(request, Json.KiwiEnvelopeTokenVerification, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<string> GetPublicKeyAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/token/publickey");
        var result = await SendAsync(request, Json.KiwiEnvelopePublicKeyResult, cancellationToken).ConfigureAwait(false);
        return result.PublicKey;
    }

    /// <inheritdoc />
    public async Task<LoginResult> LoginWithPasswordAsync(
        PasswordLoginRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = JsonPost("v1/login/password", request, Json.PasswordLoginRequest);
        return await SendAsync(message, Json.KiwiEnvelopeLoginResult, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<LoginResult> RefreshAsync(RefreshTokenRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = JsonPost("v1/token/refresh", request, Json.RefreshTokenRequest);
        return await SendAsync(message, Json.KiwiEnvelopeLoginResult, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task LogoutAsync(string accessToken, LogoutRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = JsonPost("v1/user/logout", request, Json.LogoutRequest);
        Authorize(message, accessToken);
        await SendAsync(message, Json.KiwiEnvelopeOperationResult, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<KiwiUserInfo> GetUserInfoAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, "v1/user/info");
        Authorize(message, accessToken);
        return await SendAsync(message, Json.KiwiEnvelopeKiwiUserInfo, cancellationToken).ConfigureAwait(false);
    }

    private static HttpRequestMessage JsonPost<T>(string path, T body, JsonTypeInfo<T> typeInfo) =>
        new(HttpMethod.Post, path) { Content = JsonContent.Create(body, typeInfo) };

    private static void Authorize(HttpRequestMessage message, string accessToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
    }

    private async Task<T> SendAsync<T>(
        HttpRequestMessage request, JsonTypeInfo<KiwiEnvelope<T>> typeInfo, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new KiwiUserException("kiwi-user could not be reached.", innerException: exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new KiwiUserException("kiwi-user did not answer in time.", innerException: exception);
        }

        using (response)
        {
            var envelope = await ReadEnvelopeAsync(response, typeInfo, cancellationToken).ConfigureAwait(false);
            return Unwrap(response.StatusCode, envelope);
        }
    }

    private static async Task<KiwiEnvelope<T>> ReadEnvelopeAsync<T>(
        HttpResponseMessage response, JsonTypeInfo<KiwiEnvelope<T>> typeInfo, CancellationToken cancellationToken)
    {
        try
        {
            var envelope = await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken).ConfigureAwait(false);
            return envelope ?? throw NotAnEnvelope(response.StatusCode, null);
        }
        catch (JsonException exception)
        {
            throw NotAnEnvelope(response.StatusCode, exception);
        }
        catch (HttpRequestException exception)
        {
            throw new KiwiUserException("kiwi-user's answer was cut off.", response.StatusCode, exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new KiwiUserException("kiwi-user did not finish its answer in time.", response.StatusCode, exception);
        }
    }

    private static T Unwrap<T>(HttpStatusCode statusCode, KiwiEnvelope<T> envelope)
    {
        if (envelope.Error is { } error)
        {
            throw new KiwiUserException(statusCode, error);
        }

        if (envelope.Status != "success" || envelope.Data is null || statusCode != HttpStatusCode.OK)
        {
            throw NotAnEnvelope(statusCode, null);
        }

        return envelope.Data;
    }

    private static KiwiUserException NotAnEnvelope(HttpStatusCode statusCode, Exception? inner) =>
        new($"kiwi-user answered {(int)statusCode} without a well-formed envelope.", statusCode, inner);
}
