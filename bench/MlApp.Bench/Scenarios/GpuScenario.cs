using System.Text;
using MlApp.Model.Features;
using MlApp.Model.Onnx;
using MlApp.Model;
using MlApp.Model.Training.Mlp;

namespace MlApp.Bench;

/// <summary>
/// The batch limit (<see cref="InProcessBatch.Limit"/>: split, validate, predict in chunks) on CUDA against the CPU, side
/// by side over the same CSV, with a wide MLP built here (about 35 MB; the demo model is far too small for a GPU to
/// matter). CUDA needs ONNX Runtime's CUDA build:
/// <c>dotnet run -c Release --project bench/MlApp.Bench -p:OnnxRuntimeBuild=Cuda -- gpu</c>. Without it, or without an
/// NVIDIA GPU, it says why and measures the CPU alone.
/// </summary>
internal sealed class GpuScenario : IScenario
{
    private const int ChunkRows = 1024;
    private const int Features = 32;

    public string Name => "gpu";

    public string Description => "batch limit (split, validate, predict) on CUDA vs the CPU, with a wide MLP built at bench time";

    public Task<BenchResult> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var width = options.Scaled(2048, 256);
        var rows = options.Scaled(20_000, 2_000);
        var folder = Path.Combine(Path.GetTempPath(), "mlapp-bench-gpu", $"mlp-{width}");
        Console.WriteLine(WideMlp.Write(folder, Features, width));
        var csv = Encoding.UTF8.GetBytes(string.Join('\n', WideMlp.Csv(Features, rows)) + "\n");
        var result = new BenchResult(Name).Add("width", width, "F0").Add("rows", rows, "F0");

        // Every core for each side: the GPU side's host work is one thread either way, and the CPU gets its best shot.
        using var cpu = OnnxPredictor.Load(folder, intraOpThreads: 0, device: ModelDevice.Cpu);
        OnnxPredictor? cuda = null;
        try
        {
            cuda = OnnxPredictor.Load(folder, intraOpThreads: 0, device: ModelDevice.Cuda);
        }
        catch (ModelLoadException error)
        {
            Console.WriteLine($"no GPU figures: {error.Message}");
            Console.WriteLine("(for them: an NVIDIA GPU with a CUDA 13 driver, and this bench run with -p:OnnxRuntimeBuild=Cuda)");
        }

        using (cuda)
        {
            result.Add("cuda", cuda is null ? 0 : 1, "F0");
            var cpuRate = Measure("cpu", cpu, csv, cancellationToken);
            result.Add("cpu_rows_per_s", cpuRate.PerSecond, "F0");
            if (cuda is not null)
            {
                var cudaRate = Measure("cuda", cuda, csv, cancellationToken);
                result.Add("cuda_rows_per_s", cudaRate.PerSecond, "F0")
                    .Add("speedup", cudaRate.PerSecond / cpuRate.PerSecond, "F2")
                    .Add("max_rel_diff", MaxRelativeDifference(cpu, cuda, csv), "E1");
            }
        }

        return Task.FromResult(result);
    }

    private static Rate Measure(string device, OnnxPredictor predictor, byte[] csv, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        InProcessBatch.Limit(predictor, csv[..Math.Min(csv.Length, 64 * 1024)], ChunkRows); // warm-up: kernels, allocator, caches
        var rate = InProcessBatch.Limit(predictor, csv, ChunkRows);
        Console.WriteLine($"{device}: {rate.PerSecond:F0} rows/s ({rate.PerCpuSecond:F0} per CPU second)");
        return rate;
    }

    /// <summary>Both devices must predict the same values (to float rounding): a fast wrong answer is no answer.</summary>
    private static double MaxRelativeDifference(IPredictor cpu, IPredictor cuda, byte[] csv)
    {
        var lines = Encoding.UTF8.GetString(csv).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var reader = CsvFeatureReader.Create(cpu.Card, lines[0].Split(',')).Value!;
        var sample = lines.Skip(1).Take(ChunkRows).Select(line => reader.Read(line.Split(',')).Value!).ToList();
        return cpu.PredictBatch(sample).Zip(cuda.PredictBatch(sample))
            .Max(pair => Math.Abs(pair.First.Value!.Value - pair.Second.Value!.Value) / Math.Max(1e-6, Math.Abs(pair.First.Value!.Value)));
    }
}
