using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using MlApp.Hosting.LocalAws;
using MlApp.Jobs;
using MlApp.Tests.Support;
using Xunit.Abstractions;

namespace MlApp.Tests.Integration.Batch;

/// <summary>
/// The real batch worker (the built MlApp.BatchJob.dll under <c>dotnet</c>) against the stand-ins, configured only
/// through environment variables, as ECS and the AppHost configure it. Keeps its log lines and its peak resident memory.
/// </summary>
internal sealed partial class WorkerProcess : IAsyncDisposable
{
    private const int SignalTerminate = 15;

    private readonly Process _process;
    private readonly DirectoryInfo _contentRoot;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ITestOutputHelper? _output;
    private readonly CancellationTokenSource _stopWatching = new();
    private readonly Task _memoryWatch;
    private long _peakResidentBytes;

    private WorkerProcess(ProcessStartInfo start, DirectoryInfo contentRoot, ITestOutputHelper? output)
    {
        _contentRoot = contentRoot;
        _output = output;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.Start();
        Started = Stopwatch.StartNew();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _memoryWatch = WatchMemoryAsync();
    }

    public int Id => _process.Id;

    public Stopwatch Started { get; }

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>The most the process held in RAM (VmHWM from /proc), sampled until it exits; 0 where /proc is missing.</summary>
    public long PeakResidentBytes => Interlocked.Read(ref _peakResidentBytes);

    /// <summary>Job ids this process logged as succeeded.</summary>
    public IReadOnlyList<string> SucceededJobIds => Lines.Select(line => SucceededLine().Match(line)).Where(m => m.Success).Select(m => m.Groups["id"].Value).ToList();

    public static WorkerProcess Start(AwsStandIns aws, JobsOptions jobs, ITestOutputHelper? output, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var contentRoot = Directory.CreateTempSubdirectory("mlapp-batch-");
        var start = new ProcessStartInfo(dotnet, [BuiltWorker()])
        {
            WorkingDirectory = contentRoot.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Only what the task definition (or the AppHost) would set; nothing else of the test process leaks in.
        foreach (var name in new[] { "OTEL_EXPORTER_OTLP_ENDPOINT", "ECS_CONTAINER_METADATA_URI_V4", "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT" })
        {
            start.Environment.Remove(name);
        }

        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_DYNAMODB"] = aws.DynamoDbUrl.ToString(),
            ["AWS_ENDPOINT_URL_S3"] = aws.S3Url.ToString(),
            ["AWS_REGION"] = LocalAwsNames.Region,
            ["AWS_ACCESS_KEY_ID"] = LocalAwsNames.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = LocalAwsNames.SecretAccessKey,
            ["Jobs__TableName"] = jobs.TableName,
            ["Jobs__BucketName"] = jobs.BucketName,
            ["Jobs__LeaseDuration"] = jobs.LeaseDuration.ToString("c", CultureInfo.InvariantCulture),
            ["Jobs__MaxAttempts"] = jobs.MaxAttempts.ToString(CultureInfo.InvariantCulture),
            ["Jobs__RetryBaseDelay"] = jobs.RetryBaseDelay.ToString("c", CultureInfo.InvariantCulture),
            ["BatchWorker__HeartbeatInterval"] = "00:00:00.500",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new WorkerProcess(start, contentRoot, output);
    }

    /// <summary>
    /// The worker as its own build left it (src/MlApp.BatchJob/bin/{configuration}/{framework}), with its own deps.json
    /// and models, built with the tests' configuration because the tests reference the project.
    /// </summary>
    private static string BuiltWorker()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = RepositoryRoot.Combine("src", "MlApp.BatchJob", "bin", testOutput.Parent!.Name, testOutput.Name, "MlApp.BatchJob.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The worker is not built at {path}.", path);
    }

    public async Task WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!Lines.Any(match))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The worker exited before the expected line.\n{Tail()}");
            }

            try
            {
                await Task.Delay(10, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No expected line within {timeout}.\n{Tail()}");
            }
        }
    }

    /// <summary>Waits for the exit and returns its code; a process still running after <paramref name="timeout"/> is a failure.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The worker was still running after {timeout}.\n{Tail()}");
        }

        await _stopWatching.CancelAsync();
        await _memoryWatch;
        return _process.ExitCode;
    }

    /// <summary>What ECS StopTask and a Spot interruption send.</summary>
    public void Terminate()
    {
        if (Kill(_process.Id, SignalTerminate) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    public string Tail(int lines = 40) => string.Join('\n', Lines.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        await _stopWatching.CancelAsync();
        await _memoryWatch;
        _process.Dispose();
        _stopWatching.Dispose();
        _contentRoot.Delete(recursive: true);
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
            _output?.WriteLine($"[worker {_process.Id}] {line}");
        }
        catch (InvalidOperationException)
        {
            // The test has ended.
        }
    }

    private async Task WatchMemoryAsync()
    {
        var status = $"/proc/{_process.Id}/status";
        while (!_stopWatching.IsCancellationRequested)
        {
            try
            {
                foreach (var line in await File.ReadAllLinesAsync(status))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    {
                        var kilobytes = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                        Interlocked.Exchange(ref _peakResidentBytes, Math.Max(PeakResidentBytes, kilobytes * 1024));
                    }
                }

                await Task.Delay(25, _stopWatching.Token);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
            {
                // Gone (exited) or no /proc here.
                return;
            }
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [System.Text.RegularExpressions.GeneratedRegex(@"Job (?<id>[0-9a-f]{32}): succeeded")]
    private static partial System.Text.RegularExpressions.Regex SucceededLine();
}
