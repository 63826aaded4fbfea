using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Kiwi.Auth.Configuration;

/// <summary>
/// <see cref="IOptionsMonitor{TOptions}"/> for <see cref="KiwiAuthOptions"/> that refuses a reload into invalid
/// options. With the framework's monitor every Get would throw until the file is fixed, so every request, in the
/// handler and in our services, would end in a 500. Here the first options of a scheme must be valid (so that
/// <c>ValidateOnStart</c> still stops the start), but afterwards options that fail validation or binding are logged
/// once and the scheme keeps serving with its last valid ones; valid ones apply and reach the change listeners.
/// </summary>
/// <remarks>Like the framework's monitor it keeps its values in <see cref="IOptionsMonitorCache{TOptions}"/>, so
/// that code removing an entry there to have the options built again still works.</remarks>
internal sealed class KiwiAuthOptionsMonitor : IOptionsMonitor<KiwiAuthOptions>, IDisposable
{
    private readonly IOptionsFactory<KiwiAuthOptions> _factory;
    private readonly IOptionsMonitorCache<KiwiAuthOptions> _cache;
    private readonly ILogger<KiwiAuthOptionsMonitor> _logger;
    private readonly ConcurrentDictionary<string, KiwiAuthOptions> _lastValid = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<KiwiAuthOptions>> _builders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _registrations = [];
    private readonly Lock _reloadGate = new();
    private event Action<KiwiAuthOptions, string?>? Changed;

    public KiwiAuthOptionsMonitor(
        IOptionsFactory<KiwiAuthOptions> factory,
        IEnumerable<IOptionsChangeTokenSource<KiwiAuthOptions>> sources,
        IOptionsMonitorCache<KiwiAuthOptions> cache,
        ILogger<KiwiAuthOptionsMonitor> logger)
    {
        _factory = factory;
        _cache = cache;
        _logger = logger;
        foreach (var source in sources)
        {
            _registrations.Add(ChangeToken.OnChange(source.GetChangeToken, Reload, source.Name));
        }
    }

    public KiwiAuthOptions CurrentValue => Get(Options.DefaultName);

    /// <summary>The options of <paramref name="name"/>: the cached ones, or else newly built ones, or else, when
    /// those are invalid but valid ones were built before, the last valid ones.</summary>
    /// <exception cref="OptionsValidationException">The options were never valid: at startup, say.</exception>
    public KiwiAuthOptions Get(string? name)
    {
        name ??= Options.DefaultName;

        // One builder per name, so that the hot path allocates no closure.
        return _cache.GetOrAdd(name, _builders.GetOrAdd(name, static (key, monitor) => () => monitor.Build(key), this));
    }

    public IDisposable? OnChange(Action<KiwiAuthOptions, string?> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        Changed += listener;
        return new Subscription(this, listener);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    /// <summary>Builds the options for the cache. Refusal here happens when someone removed the cache entry while
    /// the configuration is invalid; a reload is handled by <see cref="Reload"/> before the entry is replaced.
    /// </summary>
    private KiwiAuthOptions Build(string name)
    {
        var options = TryCreate(name, out var failure);
        if (options is not null)
        {
            return options;
        }

        if (!_lastValid.TryGetValue(name, out var previous))
        {
            // Never valid: fail as the framework does, so that startup stops with the validation message.
            ExceptionDispatchInfo.Throw(failure!);
        }

        Refuse(name, failure!);
        return previous;
    }

    /// <summary>A change token of the configuration fired: replaces the cached options of <paramref name="name"/>
    /// with new ones when they are valid; otherwise keeps the current ones and logs why.</summary>
    private void Reload(string? name)
    {
        name ??= Options.DefaultName;
        lock (_reloadGate)
        {
            var options = TryCreate(name, out var failure);
            if (options is null)
            {
                // Options never valid stay uncached, so Get keeps failing; only a refusal of a change is news.
                if (_lastValid.ContainsKey(name))
                {
                    Refuse(name, failure!);
                }

                return;
            }

            // A request may build the same new options between these two calls; the listeners get what is cached.
            _cache.TryRemove(name);
            var current = _cache.GetOrAdd(name, () => options);
            if (_refused.TryRemove(name, out _))
            {
                _logger.OptionsReloadAccepted(name);
            }

            Changed?.Invoke(current, name);
        }
    }

    private void Refuse(string name, Exception failure)
    {
        _refused[name] = true;
        _logger.OptionsReloadRefused(name, Describe(failure));
    }

    /// <summary>Builds and validates the options of <paramref name="name"/>, and remembers them when valid.
    /// </summary>
    /// <returns>The options, or <see langword="null"/> when they are invalid, with the reason in
    /// <paramref name="failure"/>.</returns>
    private KiwiAuthOptions? TryCreate(string name, out Exception? failure)
    {
        failure = null;
        try
        {
            var options = _factory.Create(name);
            if (_lastValid.TryGetValue(name, out var previous) && previous.Mode != options.Mode)
            {
                failure = ModeChangeRefused(previous.Mode, options.Mode);
                return null;
            }

            _lastValid[name] = options;
            return options;
        }
        catch (OptionsValidationException exception)
        {
            failure = exception;
        }
        catch (InvalidOperationException exception)
        {
            // The binder could not convert a value, such as "KiwiAuth:Timeout": "banana".
            failure = exception;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // An application's configure delegate threw on the new values (a UriFormatException, say).
            failure = exception;
        }

        return null;
    }

    /// <summary>The validators and the public key store are chosen by mode at startup: a scheme switched to local
    /// mode by a reload would have no key and answer 503 to every token until a restart, so the switch waits for one.
    /// </summary>
    private static InvalidOperationException ModeChangeRefused(KiwiAuthMode from, KiwiAuthMode to) =>
        new($"KiwiAuth:Mode changed from {from} to {to}; a mode change takes effect only after a restart.");

    private static string Describe(Exception failure) => failure switch
    {
        OptionsValidationException validation => string.Join(" ", validation.Failures),
        { InnerException: { } inner } => $"{failure.Message} {inner.Message}",
        _ => failure.Message,
    };

    private sealed class Subscription(KiwiAuthOptionsMonitor monitor, Action<KiwiAuthOptions, string?> listener)
        : IDisposable
    {
        public void Dispose() => monitor.Changed -= listener;
    }
}
