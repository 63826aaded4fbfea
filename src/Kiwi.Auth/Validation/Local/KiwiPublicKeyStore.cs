using Kiwi.Auth.Telemetry;
using Kiwi.User.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiwi.Auth.Validation.Local;

/// <summary>
/// Holds kiwi-user's current public key for local validation. The key comes from <c>KiwiAuth:PublicKeyPem</c>, or
/// else from <c>GET /v1/token/publickey</c>: at startup and every <see cref="KiwiAuthOptions.KeyRefreshInterval"/>
/// (see <see cref="KiwiPublicKeyRefreshService"/>), and after a signature failure at most once per
/// <see cref="KiwiAuthOptions.KeyRefetchInterval"/>. Concurrent callers share one fetch, and a key that cannot be
/// read never replaces a good one. A configured key that a reload replaces is replaced here at once, so that a
/// key taken out of service stops being trusted without a restart.
/// </summary>
/// <remarks>Where the key comes from (configuration or kiwi-user, local or remote mode) is fixed when the store is
/// built: a reload that changes it is logged and needs a restart.</remarks>
internal sealed class KiwiPublicKeyStore : IDisposable
{
    private const string FetchSource = "GET /v1/token/publickey";
    private const string ConfigurationSource = "KiwiAuth:PublicKeyPem";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<KiwiAuthOptions> _optionsMonitor;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<KiwiPublicKeyStore> _logger;
    private readonly string _scheme;
    private readonly KiwiAuthMetrics? _metrics;
    private readonly Lock _gate = new();
    private readonly IDisposable? _reloads;
    private readonly KeySource _source;

    private volatile KiwiPublicKey? _current;
    private Task<KiwiPublicKey?>? _fetch;
    private DateTimeOffset? _lastRefetch;

    public KiwiPublicKeyStore(
        IHttpClientFactory httpClientFactory,
        IOptionsMonitor<KiwiAuthOptions> optionsMonitor,
        TimeProvider timeProvider,
        ILogger<KiwiPublicKeyStore> logger,
        string scheme,
        KiwiAuthMetrics? metrics = null)
    {
        _httpClientFactory = httpClientFactory;
        _optionsMonitor = optionsMonitor;
        _timeProvider = timeProvider;
        _logger = logger;
        _scheme = scheme;
        _metrics = metrics;

        var options = Options;
        _source = SourceOf(options);
        FetchesFromKiwiUser = _source == KeySource.KiwiUser;
        if (_source == KeySource.Configured)
        {
            _current = ReadConfiguredKey(options.PublicKeyPem!, previous: null);
        }

        _reloads = optionsMonitor.OnChange(OnOptionsReloaded);
    }

    public void Dispose() => _reloads?.Dispose();

    /// <summary>The options of the scheme this store serves.</summary>
    public KiwiAuthOptions Options => _optionsMonitor.Get(_scheme);

    /// <summary>Whether the key comes from kiwi-user (local mode without a configured PEM or the bypass).</summary>
    public bool FetchesFromKiwiUser { get; }

    /// <summary>The key tokens are checked with, or <see langword="null"/> while none is known.</summary>
    public KiwiPublicKey? Current => _current;

    /// <summary>Fetches the key now, or joins a fetch under way. Never throws for a failed fetch.</summary>
    /// <param name="cancellationToken">Stops waiting; the shared fetch itself goes on.</param>
    /// <returns>Whether the fetch brought a readable key (the current key is kept when it did not).</returns>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        if (!FetchesFromKiwiUser)
        {
            return _current is not null;
        }

        Task<KiwiPublicKey?> fetch;
        lock (_gate)
        {
            fetch = _fetch ??= StartFetchAsync();
        }

        return await fetch.WaitAsync(cancellationToken) is not null;
    }

    /// <summary>
    /// Called when a token failed the signature check with <paramref name="failed"/>: fetches the key again unless
    /// the last such fetch is more recent than <see cref="KiwiAuthOptions.KeyRefetchInterval"/>, so a flood of
    /// forged tokens costs at most one fetch per interval.
    /// </summary>
    /// <param name="failed">The key the signature did not match.</param>
    /// <param name="tokenHash">The token's short hash, for the log.</param>
    /// <param name="cancellationToken">Stops waiting; the shared fetch itself goes on.</param>
    /// <returns>A key other than <paramref name="failed"/> to check the token with again, or <see langword="null"/>
    /// when there is none.</returns>
    public async ValueTask<KiwiPublicKey?> RefetchAfterSignatureFailureAsync(
        KiwiPublicKey failed, string tokenHash, CancellationToken cancellationToken)
    {
        Task<KiwiPublicKey?> fetch;
        lock (_gate)
        {
            if (!ReferenceEquals(_current, failed))
            {
                return _current;
            }

            if (!FetchesFromKiwiUser || !TryClaimRefetch(tokenHash, out fetch))
            {
                return null;
            }
        }

        var key = await fetch.WaitAsync(cancellationToken);
        return key is null || ReferenceEquals(key, failed) ? null : key;
    }

    /// <summary>Joins a fetch under way, or starts one when the last refetch is old enough. Holds the gate.</summary>
    private bool TryClaimRefetch(string tokenHash, out Task<KiwiPublicKey?> fetch)
    {
        if (_fetch is { } running)
        {
            fetch = running;
            return true;
        }

        var now = _timeProvider.GetUtcNow();
        if (_lastRefetch is { } last && now - last < Options.KeyRefetchInterval)
        {
            _logger.PublicKeyRefetchThrottled(tokenHash, last);
            fetch = Task.FromResult<KiwiPublicKey?>(null);
            return false;
        }

        _lastRefetch = now;
        _logger.PublicKeyRefetchAfterSignatureFailure(tokenHash);
        fetch = _fetch = StartFetchAsync();
        return true;
    }

    /// <summary>Starts the one shared fetch. Holds the gate; the fetch clears itself when done.</summary>
    private async Task<KiwiPublicKey?> StartFetchAsync()
    {
        // Leave the gate before any work, so that the fetch can never finish (and clear itself) before it is stored.
        await Task.Yield();
        try
        {
            return await FetchAsync();
        }
        finally
        {
            lock (_gate)
            {
                _fetch = null;
            }
        }
    }

    /// <summary>One fetch, not tied to any request: one caller's abort must not fail the others waiting on it.
    /// HttpClient's timeout (<see cref="KiwiAuthOptions.TotalTimeout"/>) bounds it.</summary>
    private async Task<KiwiPublicKey?> FetchAsync()
    {
        string pem;
        try
        {
            var client = new KiwiUserClient(_httpClientFactory.CreateClient(KiwiAuthDefaults.HttpClientName));
            pem = await client.GetPublicKeyAsync(CancellationToken.None);
        }
#pragma warning disable CA1031 // A failed fetch, whatever the cause, must leave the current key in place.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _logger.PublicKeyFetchFailed(exception.GetType().Name, exception.Message);
            _metrics?.PublicKeyRefresh(PublicKeyRefreshOutcomes.Failed);
            return null;
        }

        return Accept(pem);
    }

    private KiwiPublicKey? Accept(string pem)
    {
        if (!KiwiPublicKeyPem.TryRead(pem, out var key, out var problem))
        {
            _logger.PublicKeyUnreadable(FetchSource, KiwiPublicKeyPem.ExpectedFormat, problem);
            _metrics?.PublicKeyRefresh(PublicKeyRefreshOutcomes.Unreadable);
            return null;
        }

        var previous = _current;
        if (previous is not null && previous.IsSameKeyAs(key))
        {
            _metrics?.PublicKeyRefresh(PublicKeyRefreshOutcomes.Unchanged);
            return previous;
        }

        _current = key;
        _metrics?.PublicKeyRefresh(PublicKeyRefreshOutcomes.Changed);
        _logger.PublicKeyLoaded(FetchSource, key.KeySize, key.Fingerprint, previous?.Fingerprint ?? "none");
        return key;
    }

    private KiwiPublicKey? ReadConfiguredKey(string pem, KiwiPublicKey? previous)
    {
        if (!KiwiPublicKeyPem.TryRead(pem, out var key, out var problem))
        {
            _logger.PublicKeyUnreadable(ConfigurationSource, KiwiPublicKeyPem.ExpectedFormat, problem);
            return null;
        }

        _logger.PublicKeyLoaded(ConfigurationSource, key.KeySize, key.Fingerprint, previous?.Fingerprint ?? "none");
        return key;
    }

    /// <summary>Only valid options reach here (the options monitor refuses the rest). A new configured key
    /// replaces the old one; a change of the key's source is left for a restart, and said so.</summary>
    private void OnOptionsReloaded(KiwiAuthOptions options, string? name)
    {
        if (!string.Equals(name, _scheme, StringComparison.Ordinal))
        {
            return;
        }

        if (SourceOf(options) != _source)
        {
            _logger.PublicKeySourceChangeNeedsRestart(_scheme);
            return;
        }

        var previous = _current;
        if (_source != KeySource.Configured
            || !KiwiPublicKeyPem.TryRead(options.PublicKeyPem!, out var key, out _)
            || (previous is not null && previous.IsSameKeyAs(key)))
        {
            return;
        }

        _current = ReadConfiguredKey(options.PublicKeyPem!, previous);
    }

    /// <summary>The bypass answers every request without a token check, so it needs no key (and may have no
    /// BaseUrl).</summary>
    private static KeySource SourceOf(KiwiAuthOptions options)
    {
        if (options.Mode != KiwiAuthMode.Local || options.LocalBypass.Enabled)
        {
            return KeySource.None;
        }

        return string.IsNullOrWhiteSpace(options.PublicKeyPem) ? KeySource.KiwiUser : KeySource.Configured;
    }

    /// <summary>Where the key of local validation comes from.</summary>
    private enum KeySource
    {
        None,
        Configured,
        KiwiUser,
    }
}
