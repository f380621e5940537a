using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace MlApp.Tests.Artifacts;

/// <summary>
/// A published artifact running as its image runs it: started in its publish folder (the image's WORKDIR), configured by
/// environment variables only, none of the test process's own telemetry, AWS or environment settings leaking in. Its
/// output goes to the test's output; disposing kills it.
/// </summary>
internal sealed class ArtifactProcess : IAsyncDisposable
{
    private static readonly string[] Inherited = ["OTEL_", "AWS_", "DOTNET_ENVIRONMENT", "ASPNETCORE_", "Model__", "Jobs__"];

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ITestOutputHelper _output;

    private ArtifactProcess(Process process, ITestOutputHelper output)
    {
        _process = process;
        _output = output;
    }

    public Stopwatch Started { get; } = new();

    public bool HasExited => _process.HasExited;

    public static ArtifactProcess Start(PublishedArtifact published, string fileName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment, ITestOutputHelper output)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = published.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(name => Inherited.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var running = new ArtifactProcess(new Process { StartInfo = start }, output);
        running._process.OutputDataReceived += (_, line) => running.Keep(line.Data);
        running._process.ErrorDataReceived += (_, line) => running.Keep(line.Data);
        running.Started.Start();
        running._process.Start();
        running._process.BeginOutputReadLine();
        running._process.BeginErrorReadLine();
        return running;
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The exit code; a process still running after <paramref name="timeout"/> fails the test.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Still running after {timeout}:{Environment.NewLine}{Tail()}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public string Tail() => string.Join(Environment.NewLine, _lines.TakeLast(40));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        try
        {
            _output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has ended.
        }
    }
}
