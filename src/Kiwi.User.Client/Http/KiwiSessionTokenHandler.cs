using Kiwi.User.Client.Sessions;

namespace Kiwi.User.Client.Http;

/// <summary>
/// Sends a <see cref="KiwiSession"/>'s access token, refreshed before it expires; after a 401 it renews the token
/// once. A refused refresh ends the session and surfaces as <see cref="KiwiSessionEndedException"/>; a renewal
/// that kiwi-user cannot serve hands the 401 back.
/// </summary>
internal sealed class KiwiSessionTokenHandler(KiwiSessionManager sessions, string? defaultSessionKey)
    : KiwiAccessTokenHandler
{
    protected override async Task<string?> GetAccessTokenAsync(
        HttpRequestMessage request, CancellationToken cancellationToken) =>
        await Session(request).GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);

    protected override async Task<string?> RenewAccessTokenAsync(
        HttpRequestMessage request, string rejectedAccessToken, CancellationToken cancellationToken)
    {
        try
        {
            return await Session(request).RenewAccessTokenAsync(rejectedAccessToken, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (KiwiUserUnavailableException)
        {
            return null;
        }
    }

    private KiwiSession Session(HttpRequestMessage request)
    {
        // A key the request sets wins, even an empty one: a BFF whose user has no session must not borrow the
        // client's default session (a service account's, say), so an empty key is refused below.
        if (request.Options.TryGetValue(KiwiSessionRequestOptions.SessionKey, out var key))
        {
            return string.IsNullOrEmpty(key)
                ? throw new InvalidOperationException(
                    "The request sets an empty KiwiSessionRequestOptions.SessionKey: it names no kiwi-user session.")
                : sessions.GetSession(key);
        }

        return defaultSessionKey is { Length: > 0 }
            ? sessions.GetSession(defaultSessionKey)
            : throw new InvalidOperationException(
                "The request names no kiwi-user session: pass a key to AddKiwiSessionToken(key) or set "
                + "KiwiSessionRequestOptions.SessionKey on the request.");
    }
}
