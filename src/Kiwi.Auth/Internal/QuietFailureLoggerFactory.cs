using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Kiwi.Auth;

/// <summary>
/// The logger factory handed to ASP.NET Core's <c>AuthenticationHandler</c> base class. The base class logs every
/// failed authentication, challenge and forbid at Information: one line per request with a bad token, which lets
/// anyone who sends garbage fill the logs. Kiwi.Auth logs rejected tokens at Debug itself, so these three events
/// are lowered to Debug; everything else passes through unchanged.
/// </summary>
/// <remarks>A singleton: the base class asks for its logger on every request (a handler lives for one request),
/// so each category's logger is made once and kept, sparing the host factory's lock on the hot path.</remarks>
internal sealed class QuietFailureLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private static readonly HashSet<string> Lowered = new(StringComparer.Ordinal)
    {
        "AuthenticationSchemeNotAuthenticatedWithFailure",
        "AuthenticationSchemeChallenged",
        "AuthenticationSchemeForbidden",
    };

    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (name, factory) => new QuietLogger(factory.CreateLogger(name)), inner);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>The inner factory belongs to the host, which disposes it.</summary>
    public void Dispose()
    {
    }

    private sealed class QuietLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var level = logLevel == LogLevel.Information && eventId.Name is { } name && Lowered.Contains(name)
                ? LogLevel.Debug
                : logLevel;
            if (inner.IsEnabled(level))
            {
                inner.Log(level, eventId, state, exception, formatter);
            }
        }
    }
}
