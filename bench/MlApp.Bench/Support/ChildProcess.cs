using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MlApp.Bench;

/// <summary>
/// A process the bench started. Its output is kept (the last lines, for error messages) and read for the model's load
/// time; disposing kills it with its children and waits for it, so nothing outlives a scenario.
/// </summary>
internal sealed partial class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 100;

    private readonly Process process;
    private readonly string name;
    private readonly Queue<string> lines = new();
    private readonly TaskCompletionSource<double> modelLoaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Seen)> waiters = [];
    private int exitCode;
    private int disposed;

    private ChildProcess(Process process, string name)
    {
        this.process = process;
        this.name = name;
    }

    /// <summary>Completes when the process ends, whatever the reason.</summary>
    public Task Exited => exited.Task;

    public int Id => process.Id;

    /// <summary>The exit code, once <see cref="Exited"/> has completed.</summary>
    public int ExitCode => exited.Task.IsCompleted ? exitCode : throw new InvalidOperationException($"{name} is still running.");

    /// <summary>CPU time (user + system) the process has used so far, to show which process a scenario's time goes to.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <param name="onLine">Sees every line of output, for scenarios that count events over more lines than are kept.</param>
    public static ChildProcess Start(
        string name, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, Action<string>? onLine = null)
    {
        var info = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Nothing of the bench's own environment (a collector, AWS settings) may change what is measured.
        foreach (var key in info.Environment.Keys.Where(key => key.StartsWith("OTEL_", StringComparison.Ordinal) || key.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process, name);
        process.OutputDataReceived += (_, line) => child.Keep(line.Data, onLine);
        process.ErrorDataReceived += (_, line) => child.Keep(line.Data, onLine);
        process.Exited += (_, _) =>
        {
            child.exitCode = process.ExitCode;
            child.exited.TrySetResult();
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The load time from the model's own log line ("Loaded model ... in X ms").</summary>
    public async Task<double> ModelLoadMsAsync(CancellationToken cancellationToken)
    {
        if (await Task.WhenAny(modelLoaded.Task, exited.Task).WaitAsync(cancellationToken) != modelLoaded.Task)
        {
            throw new InvalidOperationException($"{name} exited before it loaded its model:{Environment.NewLine}{OutputTail()}");
        }

        return await modelLoaded.Task;
    }

    /// <summary>The first line (among the last lines kept, or any later one) that matches; throws when the process exits first.</summary>
    public async Task<Match> WaitForLineAsync(Regex pattern, CancellationToken cancellationToken)
    {
        var seen = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (lines)
        {
            if (lines.Select(line => pattern.Match(line)).FirstOrDefault(match => match.Success) is { } earlier)
            {
                return earlier;
            }

            waiters.Add((pattern, seen));
        }

        if (await Task.WhenAny(seen.Task, exited.Task).WaitAsync(cancellationToken) != seen.Task)
        {
            throw new InvalidOperationException($"{name} exited before it printed a line like '{pattern}':{Environment.NewLine}{OutputTail()}");
        }

        return await seen.Task;
    }

    public string OutputTail()
    {
        lock (lines)
        {
            return string.Join(Environment.NewLine, lines);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(grace.Token);
        process.Dispose();
    }

    private void Keep(string? line, Action<string>? onLine)
    {
        if (line is null)
        {
            return;
        }

        onLine?.Invoke(line);

        lock (lines)
        {
            lines.Enqueue(line);
            if (lines.Count > KeptLines)
            {
                lines.Dequeue();
            }

            foreach (var waiter in waiters.ToList())
            {
                if (waiter.Pattern.Match(line) is { Success: true } seen)
                {
                    waiters.Remove(waiter);
                    waiter.Seen.TrySetResult(seen);
                }
            }
        }

        if (ModelLoadedLine().Match(line) is { Success: true } match)
        {
            modelLoaded.TrySetResult(double.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex(@"Loaded model .* in (?<ms>[0-9]+(\.[0-9]+)?) ms")]
    private static partial Regex ModelLoadedLine();
}
