using System.Diagnostics;

namespace MlApp.Bench;

/// <summary>
/// A cold start as Lambda's caller sees it, locally: from exec of a new function process to the first invoke through the
/// Lambda emulator that comes back 200 with predictions. JIT (the build output, run with <c>dotnet</c>) and native AOT
/// (published as the function's image publishes it, or <c>--aot-path</c>). Every start is a new process; the previous
/// one is killed first.
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
        var aot = await FunctionBuild.AotAsync(options.AotPath, cancellationToken);
        var payload = BenchPayloads.ExampleEnvelope(options.ModelPath);
        await using var lambda = await LocalLambda.StartAsync(cancellationToken);

        var result = new BenchResult(Name);
        var jitStarts = await MeasureAsync(lambda, jit, options.ModelPath, starts, payload, cancellationToken);
        result.Add("jit_ms", Stats.Median(jitStarts.Total));

        var aotStarts = await MeasureAsync(lambda, aot, options.ModelPath, starts, payload, cancellationToken);
        result.Add("aot_ms", Stats.Median(aotStarts.Total));
        result.Add("model_load_ms", Stats.Median(jitStarts.ModelLoad));
        result.Add("aot_model_load_ms", Stats.Median(aotStarts.ModelLoad));
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
