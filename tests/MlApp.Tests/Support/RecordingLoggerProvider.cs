using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MlApp.Tests.Support;

/// <summary>Keeps every line a host logs, with its category and level, so a test can assert what a person would read.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LoggedLine> lines = new();

    public IReadOnlyList<LoggedLine> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<LoggedLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new LoggedLine(category, logLevel, formatter(state, exception)));
    }
}

internal sealed record LoggedLine(string Category, LogLevel Level, string Message);
