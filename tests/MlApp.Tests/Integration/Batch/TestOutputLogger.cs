using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace MlApp.Tests.Integration.Batch;

/// <summary>Shows what an in-process worker logs in the test's output, as a person would see it in the dashboard.</summary>
internal sealed class TestOutputLogger<T>(ITestOutputHelper output) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        try
        {
            output.WriteLine($"{logLevel}: {formatter(state, exception)}{(exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})")}");
        }
        catch (InvalidOperationException)
        {
            // A heartbeat that logs after the test has ended has nowhere to write.
        }
    }
}
