using System.Diagnostics;
using System.Globalization;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MlApp.BatchJob;
using MlApp.Model.Onnx;
using MlApp.Model;

namespace MlApp.Bench;

/// <summary>
/// The worker's pipeline (<see cref="CsvBatch"/>, from memory to a hash) in a child process of the bench pinned to the
/// first N cores with <c>taskset</c>, which <see cref="Environment.ProcessorCount"/> honours: how it scales with the
/// cores it is given, with no stand-ins and no second process competing for them. The child runs with the worker's
/// runtime settings (server GC, no tiered compilation) and prints one line, with the share of its cores' time that the
/// hypervisor stole while it ran (<see cref="StolenTime"/>).
/// </summary>
internal static partial class PipelineOnCores
{
    public const string Command = "csvbatch-on-cores";

    /// <summary>The child that runs another build's CsvBatch over a few rows, to tell whether <see cref="Command"/> can measure it.</summary>
    public const string RunCheckCommand = "csvbatch-runs";

    /// <param name="baselineWorker">Another build of MlApp.BatchJob.dll whose CsvBatch the child runs instead of this one's.</param>
    public static async Task<(Rate Rate, double Stolen, string Sha256)> MeasureAsync(
        int cores, int rows, string? modelPath, string? baselineWorker, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await RunAsync("taskset", ["-c", $"0-{cores - 1}", "dotnet", typeof(PipelineOnCores).Assembly.Location, Command,
            rows.ToString(CultureInfo.InvariantCulture), ModelArgument(modelPath), .. baselineWorker is null ? [] : new[] { Path.GetFullPath(baselineWorker) }],
            cancellationToken);
        var line = ResultLine().Match(output);
        if (exitCode != 0 || !line.Success || int.Parse(line.Groups["threads"].Value, CultureInfo.InvariantCulture) != cores)
        {
            throw new InvalidOperationException($"The pipeline on {cores} cores exited with {exitCode}, saying:{Environment.NewLine}{output}");
        }

        return (new Rate(Number(line, "rate"), Number(line, "cpu")), Number(line, "stolen"), line.Groups["sha"].Value);
    }

    /// <summary>Why the child can't run another build's CsvBatch over a few rows (what it threw, innermost), or null when it can.</summary>
    public static async Task<string?> WhyCannotRunAsync(string baselineWorker, string? modelPath, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await RunAsync("dotnet", [typeof(PipelineOnCores).Assembly.Location, RunCheckCommand, ModelArgument(modelPath),
            Path.GetFullPath(baselineWorker)], cancellationToken);
        return exitCode == 0 ? null : output.Trim();
    }

    /// <summary>The child's side: <c>csvbatch-on-cores ROWS MODEL [BASELINE_DLL]</c>, or <c>csvbatch-runs MODEL BASELINE_DLL</c>.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        if (args[0] == RunCheckCommand)
        {
            return await CheckRunsAsync(args[1], args[2]);
        }

        var rows = int.Parse(args[1], CultureInfo.InvariantCulture);
        using var predictor = OnnxPredictor.Load(args[2], intraOpThreads: 1);
        var run = CsvBatchOf(predictor, args.Length > 3 ? args[3] : null);
        var csv = BatchCsv.Create(predictor.Card, rows);
        await InProcessBatch.CsvBatchAsync(run, csv[..Math.Min(csv.Length, 4_000_000)], CancellationToken.None);
        var stolen = StolenTime.Start();
        var (rate, sha) = await InProcessBatch.CsvBatchAsync(run, csv, CancellationToken.None);
        var stolenShare = stolen.Share();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"csvbatch rate={rate.PerSecond:F0} cpu={rate.PerCpuSecond:F0} stolen={stolenShare:F4} threads={Environment.ProcessorCount} sha={sha}"));
        return 0;
    }

    /// <summary>An older build's types fail only when the code that names them first runs, so the check runs a few rows.</summary>
    private static async Task<int> CheckRunsAsync(string modelPath, string dll)
    {
        using var predictor = OnnxPredictor.Load(modelPath, intraOpThreads: 1);
        try
        {
            await InProcessBatch.CsvBatchAsync(CsvBatchOf(predictor, dll), BatchCsv.Create(predictor.Card, 10), CancellationToken.None);
            return 0;
        }
        catch (Exception failure)
        {
            Console.WriteLine(failure.GetBaseException().Message);
            return 1;
        }
    }

    /// <summary>A child of the bench with the worker's runtime settings (server GC, no tiered compilation): its exit code and all it wrote.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["DOTNET_gcServer"] = "1";
        start.Environment["DOTNET_TieredCompilation"] = "0";
        using var child = Process.Start(start)!;
        var errors = child.StandardError.ReadToEndAsync(cancellationToken);
        var output = await child.StandardOutput.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        return (child.ExitCode, output + await errors);
    }

    private static string ModelArgument(string? modelPath) => Path.GetFullPath(modelPath ?? ModelFolder.DefaultPath);

    /// <summary>This build's CsvBatch, or the one of another build, loaded beside it (its MlApp.Model is this one's: the predictor is shared).</summary>
    private static Func<Stream, Stream, Task<long>> CsvBatchOf(IPredictor predictor, string? dll)
    {
        if (dll is null)
        {
            var batch = new CsvBatch(predictor, Options.Create(new BatchWorkerOptions()));
            return (input, output) => batch.RunAsync(input, output, null, CancellationToken.None);
        }

        var assembly = new AssemblyLoadContext("baseline").LoadFromAssemblyPath(dll);
        var optionsType = assembly.GetType(typeof(BatchWorkerOptions).FullName!, throwOnError: true)!;
        var batchType = assembly.GetType(typeof(CsvBatch).FullName!, throwOnError: true)!;
        var options = typeof(Options).GetMethod(nameof(Options.Create))!.MakeGenericMethod(optionsType).Invoke(null, [Activator.CreateInstance(optionsType)]);
        var baseline = Activator.CreateInstance(batchType, predictor, options)!;
        var runAsync = batchType.GetMethod(nameof(CsvBatch.RunAsync))!;
        return (input, output) => (Task<long>)runAsync.Invoke(baseline, [input, output, null, CancellationToken.None])!;
    }

    private static double Number(Match line, string group) => double.Parse(line.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?m)^csvbatch rate=(?<rate>\S+) cpu=(?<cpu>\S+) stolen=(?<stolen>\S+) threads=(?<threads>\d+) sha=(?<sha>\w+)")]
    private static partial Regex ResultLine();
}
