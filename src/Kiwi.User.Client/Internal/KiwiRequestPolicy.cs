namespace Kiwi.User.Client.Internal;

/// <summary>
/// Marks calls that must not be retried. A login rotates the device's refresh token, a code request sends another
/// SMS or email (replacing the code the user may be typing), OAuth codes and email codes are single-use and a
/// repeated logout answers 403: a retry after a lost answer would turn a success into a failure or leave the
/// caller holding a dead refresh token. Reads, verify, refresh (which rotates nothing) and organization login
/// (which keeps the refresh token) are safe to repeat.
/// </summary>
internal static class KiwiRequestPolicy
{
    private static readonly HttpRequestOptionsKey<bool> NotRetryableKey = new("Kiwi.User.Client.NotRetryable");

    public static void MarkNotRetryable(HttpRequestMessage request) => request.Options.Set(NotRetryableKey, true);

    public static bool IsRetryable(HttpRequestMessage? request) =>
        request is not null && !(request.Options.TryGetValue(NotRetryableKey, out var notRetryable) && notRetryable);
}
