using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Kiwi.Auth.EndToEnd.Tests.Telemetry;

/// <summary>Keeps every log line at every level, with everything a log backend could store of it: the message,
/// each structured value, the exception with its inner exceptions, and the scopes it was written in.</summary>
internal sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyCollection<CapturedLog> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new SinkLogger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>A logger factory that writes only here, at every level, for the emulator and the client.</summary>
    public ILoggerFactory CreateFactory() =>
        LoggerFactory.Create(b => b.AddProvider(this).SetMinimumLevel(LogLevel.Trace));

    private sealed class SinkLogger(LogSink sink, string category) : ILogger
    {
        private readonly AsyncLocal<ScopeNode?> _scope = new();

        public IDisposable BeginScope<TState>(TState state)
            where TState : notnull
        {
            var node = new ScopeNode(Describe(state), _scope.Value, _scope);
            _scope.Value = node;
            return node;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder()
                .AppendLine(formatter(state, exception))
                .AppendLine(Describe(state))
                .AppendLine(exception?.ToString());
            for (var scope = _scope.Value; scope is not null; scope = scope.Parent)
            {
                text.AppendLine(scope.Text);
            }

            sink._entries.Enqueue(new CapturedLog(category, logLevel, eventId, text.ToString()));
        }

        private static string Describe(object? state) => state switch
        {
            IEnumerable<KeyValuePair<string, object?>> values =>
                string.Join("\n", values.Select(v => $"{v.Key}={Flatten(v.Value)}")) + "\n" + state,
            _ => state?.ToString() ?? "",
        };

        /// <summary>A structured value as a backend would store it: a list (such as header values) item by item.
        /// </summary>
        private static string? Flatten(object? value) => value switch
        {
            string text => text,
            System.Collections.IEnumerable items => string.Join(",", items.Cast<object?>().Select(Flatten)),
            _ => value?.ToString(),
        };
    }

    private sealed class ScopeNode(string text, ScopeNode? parent, AsyncLocal<ScopeNode?> owner) : IDisposable
    {
        public string Text { get; } = text;

        public ScopeNode? Parent { get; } = parent;

        public void Dispose() => owner.Value = Parent;
    }
}

/// <summary>One captured line; <see cref="Text"/> holds all of it.</summary>
internal sealed record CapturedLog(string Category, LogLevel Level, EventId Id, string Text);
