using System.Diagnostics;
using MlApp.Model;

using MlApp.Model.Card;
using MlApp.Model.Features;
using MlApp.Model.Onnx;
namespace MlApp.Bench;

/// <summary>
/// The predictor alone, without any host: session load (the first in a process pays for ONNX Runtime's own start-up,
/// so it is reported apart), single-row latency, and batch throughput at 1, 64 and 1024 rows per run.
/// </summary>
internal sealed class ModelScenario : IScenario
{
    private static readonly int[] BatchSizes = [1, 64, 1024];

    public string Name => "model";

    public string Description => "model load, single-row latency and batch throughput of the ONNX predictor";

    public Task<BenchResult> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var folder = options.ModelPath ?? ModelFolder.DefaultPath;
        var result = new BenchResult(Name);

        var first = Stopwatch.StartNew();
        using var predictor = OnnxPredictor.Load(folder, options.IntraOpThreads);
        result.Add("load_first_ms", first.Elapsed.TotalMilliseconds);
        Console.WriteLine($"model {predictor.Card.Name} {predictor.Card.Version} from {folder}: first load {first.Elapsed.TotalMilliseconds:F1} ms");

        var loads = Enumerable.Range(0, options.Scaled(20, 7)).Select(_ => TimeLoad(folder, options.IntraOpThreads)).ToList();
        result.Add("load_ms", Stats.Median(loads));
        Console.WriteLine($"load: median {Stats.Median(loads):F1} ms of {loads.Count} fresh sessions");

        var row = ExampleRow(predictor.Card);
        var latencies = SingleRowLatencies(predictor, row, options.Scaled(50_000, 5_000), cancellationToken);
        result.Add("single_p50_us", Stats.Percentile(latencies, 50)).Add("single_p99_us", Stats.Percentile(latencies, 99));
        Console.WriteLine($"single row: p50 {Stats.Percentile(latencies, 50):F1} us, p99 {Stats.Percentile(latencies, 99):F1} us over {latencies.Count} calls");

        var budget = TimeSpan.FromSeconds(options.Scaled(5, 1));
        foreach (var size in BatchSizes)
        {
            var rowsPerSecond = Throughput(predictor, row, size, budget, cancellationToken);
            result.Add($"batch{size}_rows_per_s", rowsPerSecond, "F0");
            Console.WriteLine($"batch {size}: {rowsPerSecond:F0} rows/s");
        }

        return Task.FromResult(result);
    }

    private static double TimeLoad(string folder, int intraOpThreads)
    {
        var stopwatch = Stopwatch.StartNew();
        using var predictor = OnnxPredictor.Load(folder, intraOpThreads);
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static List<double> SingleRowLatencies(IPredictor predictor, FeatureRow row, int calls, CancellationToken cancellationToken)
    {
        for (var warmup = 0; warmup < Math.Min(calls / 10, 1_000); warmup++)
        {
            predictor.Predict(row);
        }

        var latencies = new List<double>(calls);
        for (var call = 0; call < calls && !cancellationToken.IsCancellationRequested; call++)
        {
            var start = Stopwatch.GetTimestamp();
            predictor.Predict(row);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        return latencies;
    }

    private static double Throughput(IPredictor predictor, FeatureRow row, int size, TimeSpan budget, CancellationToken cancellationToken)
    {
        var batch = Enumerable.Repeat(row, size).ToArray();
        predictor.PredictBatch(batch);
        long rows = 0;
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < budget && !cancellationToken.IsCancellationRequested)
        {
            predictor.PredictBatch(batch);
            rows += size;
        }

        return rows / stopwatch.Elapsed.TotalSeconds;
    }

    private static FeatureRow ExampleRow(ModelCard card) => FeatureRow.Of([.. card.Inputs.Select(field => (field.Name, field.Example
        ?? (field.IsNumeric ? (FeatureValue)(field.Minimum ?? 0) : field.Categories![0])))]);
}
