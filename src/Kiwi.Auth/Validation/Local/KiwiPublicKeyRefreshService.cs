using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kiwi.Auth.Validation.Local;

/// <summary>
/// Fetches kiwi-user's public key in the background when local mode gets it from kiwi-user: first at startup (which
/// it does not hold up), then every <see cref="KiwiAuthOptions.KeyRefreshInterval"/>. While a fetch fails it tries
/// again sooner, from one second doubling up to thirty, so that requests stop getting 503 soon after kiwi-user is
/// back.
/// </summary>
internal sealed class KiwiPublicKeyRefreshService(
    KiwiPublicKeyStore keys, TimeProvider timeProvider, ILogger<KiwiPublicKeyRefreshService> logger) : BackgroundService
{
    internal static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    internal static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!keys.FetchesFromKiwiUser)
        {
            return;
        }

        // Startup goes on while the first fetch runs.
        await Task.Yield();

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var fetched = await keys.RefreshAsync(stoppingToken);
            failures = fetched ? 0 : failures + 1;

            var delay = NextDelay(failures, keys.Options.KeyRefreshInterval);
            logger.PublicKeyRefreshScheduled(delay);
            await Task.Delay(delay, timeProvider, stoppingToken);
        }
    }

    /// <summary>The refresh interval after a success; after the n-th failure in a row, 2^(n-1) seconds up to the
    /// cap, and never longer than the refresh interval.</summary>
    internal static TimeSpan NextDelay(int failures, TimeSpan refreshInterval)
    {
        if (failures == 0)
        {
            return refreshInterval;
        }

        var backoff = FirstRetryDelay * Math.Pow(2, Math.Min(failures - 1, 10));
        var cap = MaxRetryDelay < refreshInterval ? MaxRetryDelay : refreshInterval;
        return backoff < cap ? backoff : cap;
    }
}
