using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using MlApp.AppHost.LocalAws.Lambda;

namespace MlApp.Bench;

/// <summary>
/// A cold start as Lambda's caller sees it, locally: from exec of a new function process to the first invoke through the
/// Lambda emulator that comes back 200 with predictions. JIT (the build output, run with <c>dotnet</c>) and native AOT
/// (the published executable, when there is one). Every start is a new process; the previous one is killed first.
/// </summary>
internal sealed class ColdStartScenario : IScenario
{
    private static readonly TimeSpan StartBudget = TimeSpan.FromSeconds(60);

    public string Name => "coldstart";

    public string Description => "function process exec to first successful invoke, JIT vs native AOT (median)";

    public async Task<BenchResult> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var starts = options.Scaled(10, 5);
        var jit = FunctionBuild.Jit();
        var aot = FunctionBuild.Aot(options.AotPath);
        var payload = BenchPayloads.ExampleEnvelope(options.ModelPath);
        await using var lambda = await LocalLambda.StartAsync(cancellationToken);

        var result = new BenchResult(Name);
        var jitStarts = await MeasureAsync(lambda, jit, options.ModelPath, starts, payload, cancellationToken);
        result.Add("jit_ms", Stats.Median(jitStarts.Total));

        List<double>? aotLoads = null;
        if (aot is null)
        {
            Console.WriteLine($"aot: no native build at {FunctionBuild.AotPath(options.AotPath)}; publish it first with");
            Console.WriteLine("  dotnet publish src/MlApp.RealtimeFunction -c Release -r linux-x64 -p:PublishAot=true");
            // BenchResult takes numbers only; a format of nothing but a literal prints the literal.
            result.Add("aot_ms", 0, "'n/a'");
        }
        else
        {
            var aotStarts = await MeasureAsync(lambda, aot, options.ModelPath, starts, payload, cancellationToken);
            result.Add("aot_ms", Stats.Median(aotStarts.Total));
            aotLoads = aotStarts.ModelLoad;
        }

        result.Add("model_load_ms", Stats.Median(jitStarts.ModelLoad));
        if (aotLoads is not null)
        {
            result.Add("aot_model_load_ms", Stats.Median(aotLoads));
        }

        return result;
    }

    private static async Task<(List<double> Total, List<double> ModelLoad)> MeasureAsync(
        LocalLambda lambda, FunctionBuild function, string? modelPath, int count, byte[] payload, CancellationToken cancellationToken)
    {
        // One start first that doesn't count: it brings the files into the page cache and compiles this side's HTTP path.
        await StartOnceAsync(lambda, function, modelPath, payload, cancellationToken);

        var total = new List<double>(count);
        var modelLoad = new List<double>(count);
        for (var run = 1; run <= count; run++)
        {
            var (totalMs, loadMs) = await StartOnceAsync(lambda, function, modelPath, payload, cancellationToken);
            total.Add(totalMs);
            modelLoad.Add(loadMs);
            Console.WriteLine($"{function.Kind} start {run}/{count}: first prediction after {totalMs:F0} ms (model loaded in {loadMs:F1} ms)");
        }

        Console.WriteLine($"{function.Kind}: median {Stats.Median(total):F0} ms, min {total.Min():F0}, max {total.Max():F0} over {count} starts of {function.Describe()}");
        return (total, modelLoad);
    }

    private static async Task<(double TotalMs, double ModelLoadMs)> StartOnceAsync(
        LocalLambda lambda, FunctionBuild function, string? modelPath, byte[] payload, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(StartBudget);

        // A function of its own for every start: a killed instance's last poll, which the emulator may not have seen end
        // yet, must not take the next instance's invoke.
        var name = lambda.AddFunction($"coldstart-{function.Kind}-{Guid.NewGuid():N}");

        // The invoke waits in the emulator's queue until the new instance asks for work, as a cold invoke does in Lambda.
        var started = Stopwatch.GetTimestamp();
        await using var instance = function.Start(lambda, name, modelPath);
        var invoke = lambda.InvokeAsync(name, payload, budget.Token);
        if (await Task.WhenAny(invoke, instance.Exited) != invoke)
        {
            throw new InvalidOperationException($"The {function.Kind} function exited before its first answer:{Environment.NewLine}{instance.OutputTail()}");
        }

        try
        {
            await invoke;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException($"The {function.Kind} function gave no prediction: {e.Message}{Environment.NewLine}{instance.OutputTail()}", e);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        return (elapsed.TotalMilliseconds, await instance.ModelLoadMsAsync(budget.Token));
    }
}

// The types below are shared with RealtimeScenario.

/// <summary>Where the other projects' build outputs are: built with the bench's own configuration and target framework.</summary>
internal static class RepositoryPaths
{
    private static readonly DirectoryInfo BenchOutput = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    public static string Root { get; } = FindRoot();

    /// <summary><c>src/{project}/bin/{Configuration}/{TargetFramework}</c>, the same two the bench was built with (bench/MlApp.Bench/bin/Release/net10.0).</summary>
    public static string BuildOutput(string project) =>
        Path.Combine(Root, "src", project, "bin", BenchOutput.Parent!.Name, BenchOutput.Name);

    private static string FindRoot()
    {
        for (var directory = BenchOutput; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MlApp.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No MlApp.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>One way to run the realtime function: the JIT build output under <c>dotnet</c>, or the native AOT executable.</summary>
internal sealed record FunctionBuild(string Kind, string FileName, IReadOnlyList<string> Arguments)
{
    private const string Project = "MlApp.RealtimeFunction";

    /// <summary>The build output next to the bench's; the bench references the AppHost, which references the function, so building the bench builds it.</summary>
    public static FunctionBuild Jit()
    {
        var dll = Path.Combine(RepositoryPaths.BuildOutput(Project), $"{Project}.dll");
        return File.Exists(dll)
            ? new FunctionBuild("jit", "dotnet", [dll])
            : throw new InvalidOperationException($"No function build at {dll}: build the bench (or the solution) in the same configuration first.");
    }

    /// <summary>The published native executable, or null when it hasn't been published.</summary>
    public static FunctionBuild? Aot(string? path)
    {
        var executable = AotPath(path);
        return File.Exists(executable) ? new FunctionBuild("aot", executable, []) : null;
    }

    /// <summary>The given path, else where <c>dotnet publish src/MlApp.RealtimeFunction -c Release -r linux-x64 -p:PublishAot=true</c> puts it.</summary>
    public static string AotPath(string? path) =>
        Path.GetFullPath(path ?? Path.Combine(RepositoryPaths.BuildOutput(Project), "linux-x64", "publish", Project));

    public string Describe() => string.Join(" ", [FileName, .. Arguments]);

    /// <summary>Starts one instance of the named function, polling the emulator's Runtime API with the environment Lambda (or the AppHost) gives it.</summary>
    public ChildProcess Start(LocalLambda lambda, string functionName, string? modelPath)
    {
        var environment = new Dictionary<string, string?>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = lambda.RuntimeApiFor(functionName),
            ["AWS_LAMBDA_FUNCTION_NAME"] = functionName,
        };
        if (modelPath is not null)
        {
            environment["Model__Path"] = Path.GetFullPath(modelPath);
        }

        return ChildProcess.Start(Kind, FileName, Arguments, environment);
    }
}

/// <summary>The AppHost's Lambda emulator on loopback, serving the functions the scenarios start instances of.</summary>
internal sealed class LocalLambda(LambdaEmulator emulator, HttpClient http) : IAsyncDisposable
{
    private static readonly TimeSpan FunctionTimeout = TimeSpan.FromSeconds(30);

    public Uri Url => emulator.Url;

    public static async Task<LocalLambda> StartAsync(CancellationToken cancellationToken)
    {
        var emulator = new LambdaEmulator();
        await emulator.StartAsync(NullLogger.Instance, TimeProvider.System, cancellationToken);
        return new LocalLambda(emulator, new HttpClient { BaseAddress = emulator.Url, Timeout = TimeSpan.FromSeconds(60) });
    }

    /// <summary>Registers a function (30 s timeout, as the AppHost's) and returns its name.</summary>
    public string AddFunction(string name)
    {
        emulator.AddFunction(new LambdaFunctionSettings(name, FunctionTimeout));
        return name;
    }

    /// <summary>The value of <c>AWS_LAMBDA_RUNTIME_API</c> for an instance of the function.</summary>
    public string RuntimeApiFor(string functionName) => emulator.RuntimeApiFor(functionName);

    /// <summary>The path of the function's Invoke API, relative to <see cref="Url"/>.</summary>
    public static string InvokePath(string functionName) => $"2015-03-31/functions/{functionName}/invocations";

    /// <summary>One RequestResponse invoke; anything but a 200 with one prediction per input row throws.</summary>
    public async Task InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(InvokePath(functionName), content, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK || response.Headers.Contains("X-Amz-Function-Error") || !BenchPayloads.HasPredictions(body, payload))
        {
            throw new InvalidOperationException($"Invoke answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await emulator.DisposeAsync();
    }
}

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

    private ChildProcess(Process process, string name)
    {
        this.process = process;
        this.name = name;
    }

    /// <summary>Completes when the process ends, whatever the reason.</summary>
    public Task Exited => exited.Task;

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment)
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
        process.OutputDataReceived += (_, line) => child.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => child.Keep(line.Data);
        process.Exited += (_, _) => child.exited.TrySetResult();
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

    public string OutputTail()
    {
        lock (lines)
        {
            return string.Join(Environment.NewLine, lines);
        }
    }

    public async ValueTask DisposeAsync()
    {
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

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Enqueue(line);
            if (lines.Count > KeptLines)
            {
                lines.Dequeue();
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
