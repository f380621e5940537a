using System.Threading.Channels;
using MlApp.Hosting.LocalAws.Ecs;

namespace MlApp.Tests.Integration.Ecs;

/// <summary>
/// Stands in for Aspire behind the emulator: records start and stop requests and lets the test move the "resource"
/// through its states by hand, or (with <see cref="RunOnStart"/>) at once.
/// </summary>
internal sealed class FakeTaskLauncher : ITaskLauncher
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(5);

    private readonly Channel<(string Command, string Family)> _calls = Channel.CreateUnbounded<(string, string)>();
    private readonly TaskCompletionSource<IResourceStateSink> _sink = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _starts;
    private int _stops;

    /// <summary>When set, every start fails with this message, as a start command that Aspire refuses.</summary>
    public string? StartFailure { get; set; }

    /// <summary>When set, a start reports Starting and Running straight away, like a resource that starts instantly.</summary>
    public bool RunOnStart { get; set; }

    public int Starts => Volatile.Read(ref _starts);

    public int Stops => Volatile.Read(ref _stops);

    public async Task StartAsync(string family, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _starts);
        _calls.Writer.TryWrite(("start", family));
        if (StartFailure is { } failure)
        {
            throw new InvalidOperationException(failure);
        }

        if (RunOnStart)
        {
            await ReportAsync(family, ResourcePhase.Starting);
            await ReportAsync(family, ResourcePhase.Running);
        }
    }

    public Task StopAsync(string family, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _stops);
        _calls.Writer.TryWrite(("stop", family));
        return Task.CompletedTask;
    }

    public async Task WatchAsync(IResourceStateSink sink, CancellationToken cancellationToken)
    {
        _sink.TrySetResult(sink);
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    /// <summary>The next start or stop the emulator asked for, waiting at most a few seconds for it.</summary>
    public async Task<(string Command, string Family)> NextCallAsync()
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        return await _calls.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Whether a start or stop is pending, after giving the emulator's background work a moment to run.</summary>
    public async Task<bool> HasCallWithinAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await _calls.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async Task ReportAsync(string family, ResourcePhase phase, int? exitCode = null) =>
        (await _sink.Task.WaitAsync(WaitLimit)).Report(family, phase, exitCode);
}
