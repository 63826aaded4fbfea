using Kiwi.User.Client.Models;
using Kiwi.User.Client.Models.Requests;

namespace Kiwi.User.Client;

// The /v1/login/* routes. None of them is retried: see KiwiRequestPolicy for why.
public sealed partial class KiwiUserClient
{
    /// <inheritdoc />
    public Task<LoginResult> LoginWithPasswordAsync(
        PasswordLoginRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return LoginAsync(JsonPost("v1/login/password", request, Json.PasswordLoginRequest), cancellationToken);
    }

    /// <inheritdoc />
    public Task<LoginResult> LoginToOrganizationAsync(
        OrganizationLoginRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Organization login keeps the refresh token and sets the same organization again: safe to retry.
        var message = JsonPost("v1/login/organization", request, Json.OrganizationLoginRequest);
        return SendAsync(message, Json.KiwiEnvelopeLoginResult, cancellationToken);
    }

    /// <inheritdoc />
    public async Task SendPhoneCodeAsync(PhoneCodeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var message = NotRetryable(JsonPost("v1/login/phone/verify_code", request, Json.PhoneCodeRequest));
        await SendAsync(message, Json.KiwiEnvelopeOperationResult, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<LoginResult> LoginWithPhoneAsync(
        PhoneLoginRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return LoginAsync(JsonPost("v1/login/phone", request, Json.PhoneLoginRequest), cancellationToken);
    }

    /// <inheritdoc />
    public async Task SendEmailCodeAsync(EmailCodeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var message = NotRetryable(JsonPost("v1/login/email/verify_code", request, Json.EmailCodeRequest));
        await SendAsync(message, Json.KiwiEnvelopeOperationResult, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<LoginResult> LoginWithEmailAsync(
        EmailLoginRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return LoginAsync(JsonPost("v1/login/email", request, Json.EmailLoginRequest), cancellationToken);
    }

    /// <inheritdoc />
    public Task<LoginResult> LoginWithGoogleAsync(
        GoogleWebLoginRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return LoginAsync(JsonPost("v1/login/google/web", request, Json.GoogleWebLoginRequest), cancellationToken);
    }

    /// <inheritdoc />
    public Task<LoginResult> LoginWithWeChatMiniProgramAsync(
        WeChatMiniProgramLoginRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var message = JsonPost("v1/login/wechat/miniprogram", request, Json.WeChatMiniProgramLoginRequest);
        return LoginAsync(message, cancellationToken);
    }

    /// <inheritdoc />
    public Task<LoginResult> LoginWithWeChatWebAsync(
        WeChatWebLoginState state, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrEmpty(code);

        // No JSON body: kiwi-user reads the state (JSON text) and the code from the query string.
        var stateJson = System.Text.Json.JsonSerializer.Serialize(state, Json.WeChatWebLoginState);
        var path = "v1/login/wechat/web?state=" + Uri.EscapeDataString(stateJson)
            + "&code=" + Uri.EscapeDataString(code);
        return LoginAsync(new HttpRequestMessage(HttpMethod.Post, path), cancellationToken);
    }

    private Task<LoginResult> LoginAsync(HttpRequestMessage message, CancellationToken cancellationToken) =>
        SendAsync(NotRetryable(message), Json.KiwiEnvelopeLoginResult, cancellationToken);
}
