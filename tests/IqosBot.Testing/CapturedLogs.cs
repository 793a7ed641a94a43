using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IqosBot.Testing;

/// <summary>
/// A logger provider that keeps every entry a host or a container writes, at every level, so tests can check
/// what was logged and what never appears in the logs. <see cref="Entries"/> gives each entry's parts;
/// <see cref="Lines"/> gives each as one line of text with its structured values, as a log sink would store it.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    /// <summary>Every entry so far, in the order written.</summary>
    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    /// <summary>Every entry so far as <see cref="LogEntry.Line"/>, in the order written.</summary>
    public IReadOnlyList<string> Lines => _entries.Select(entry => entry.Line).ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    /// <param name="Values">The structured values (<c>key=value</c>, space-separated), taken when the entry was written.</param>
    public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception, string Values)
    {
        /// <summary>The message and the exception, if any.</summary>
        public string FullText => Exception is null ? Message : $"{Message}\n{Exception}";

        /// <summary>Everything a log sink could write for this entry: level, category, message, structured values and exception.</summary>
        public string Line => $"{Level} {Category}: {Message} [{Values}] {Exception}";
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The structured values too: a sink that stores them would store what is in them.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(pair => $"{pair.Key}={pair.Value}")) : string.Empty;
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception, values));
        }
    }
}
