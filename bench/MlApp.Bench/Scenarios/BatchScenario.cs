using System.Diagnostics;
using System.Text.RegularExpressions;
using MlApp.Jobs;
using MlApp.Model;

using MlApp.Model.Onnx;
namespace MlApp.Bench;

/// <summary>
/// Batch throughput on the full path: a job queued in DynamoDB (dynalite) with its CSV in S3 (fauxqs), run by the worker
/// process as its image ships it (published by its image's profile), which claims it, streams the input from S3,
/// predicts, streams the result back and marks it SUCCEEDED. Its floor is a loop in this process over the same bytes
/// (split, validate, predict; no output), timed before and after the worker so the ratio sees the same machine. The stored result must equal the worker's own code run in process.
/// </summary>
internal sealed class BatchScenario : IScenario
{
    private const int ChunkRows = 1024;
    private const int Rounds = 3;
    private const string Owner = "bench";
    private static readonly TimeSpan RunBudget = TimeSpan.FromMinutes(5);

    public string Name => "batch";

    public string Description => "rows/s of the worker process (DynamoDB + S3 stand-ins) vs an in-process loop over the same CSV";

    public async Task<BenchResult> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        using var predictor = OnnxPredictor.Load(options.ModelPath ?? ModelFolder.DefaultPath, options.IntraOpThreads);
        await using var storage = await LocalStorage.StartAsync(cancellationToken);
        var worker = await BatchWorker.PublishAsync(cancellationToken);
        var baselinePipeline = await BaselinePipelineAsync(options, cancellationToken);
        int[] sizes = options.Quick ? [100_000] : [100_000, 1_000_000];
        BenchResult? result = null;
        foreach (var rows in sizes)
        {
            result = await MeasureAsync(predictor, storage, worker, baselinePipeline, rows, options, cancellationToken);
        }

        return result!;
    }

    /// <summary>
    /// The baseline's MlApp.BatchJob.dll for the pinned pipeline, or null, saying why, when the child can't run its
    /// CsvBatch: a native build has no assembly, and an older one may not fit this build's model types. Its job figures
    /// compare either way. Checked once, for every size.
    /// </summary>
    private static async Task<string?> BaselinePipelineAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        if (options.BaselineWorker is not { } baseline)
        {
            return null;
        }

        var dll = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(baseline))!, "MlApp.BatchJob.dll");
        var cannotRun = await PipelineOnCores.WhyCannotRunAsync(dll, options.ModelPath, cancellationToken);
        if (cannotRun is not null)
        {
            Console.WriteLine($"no baseline pipeline figures: {cannotRun}");
        }

        return cannotRun is null ? dll : null;
    }

    private async Task<BenchResult> MeasureAsync(
        OnnxPredictor predictor, LocalStorage storage, string worker, string? baselinePipeline, int rows, BenchOptions options,
        CancellationToken cancellationToken)
    {
        var csv = BatchCsv.Create(predictor.Card, rows);
        Console.WriteLine($"{rows:N0} rows, {csv.Length / 1e6:F1} MB of CSV");
        for (var warmup = 0; warmup < 3; warmup++)
        {
            InProcessBatch.Limit(predictor, csv[..Math.Min(csv.Length, 4_000_000)], ChunkRows);
        }

        var (csvBatch, expectedSha) = await InProcessBatch.CsvBatchAsync(predictor, csv, cancellationToken);
        Console.WriteLine($"in process: the worker's CsvBatch from memory {Describe(csvBatch)}");

        // Rounds that alternate the floor and the worker, so a burst of load from elsewhere hits both sides alike; medians.
        var limits = new List<Rate> { InProcessBatch.Limit(predictor, csv, ChunkRows) };
        var runs = new List<WorkerRun>();
        var baselines = new List<WorkerRun>();
        for (var round = 1; round <= Rounds; round++)
        {
            if (options.BaselineWorker is { } baselineDll)
            {
                var baseline = await RunJobAsync(storage, csv, rows, expectedSha, options.ModelPath, baselineDll, cancellationToken);
                baselines.Add(baseline);
                Console.WriteLine($"round {round}: baseline worker job {Describe(baseline.Job)}, result identical: {baseline.Identical}");
            }

            var run = await RunJobAsync(storage, csv, rows, expectedSha, options.ModelPath, worker, cancellationToken);
            runs.Add(run);
            limits.Add(InProcessBatch.Limit(predictor, csv, ChunkRows));
            Console.WriteLine($"round {round}: worker job {Describe(run.Job)}, process start to exit {run.Process.TotalSeconds:F2} s, " +
                $"peak RSS {run.PeakRssMb:F0} MB, result identical to in process: {run.Identical}; limit {Describe(limits[^1])}");
        }

        var cores = await MeasureCoresAsync(rows, expectedSha, baselinePipeline, options, cancellationToken);
        var rate = Stats.Median([.. runs.Select(run => run.Job.PerSecond)]);
        var limit = Stats.Median([.. limits.Select(limit => limit.PerSecond)]);
        var cpuRatio = Stats.Median([.. runs.Select(run => run.Job.PerCpuSecond)]) / Stats.Median([.. limits.Select(limit => limit.PerCpuSecond)]);
        var result = new BenchResult(Name)
            .Add("rows_per_s", rate, "F0")
            .Add("limit_rows_per_s", limit, "F0")
            .Add("ratio", rate / limit, "F2")
            .Add("peak_rss_mb", runs.Max(run => run.PeakRssMb), "F0")
            .Add("rows", rows, "F0")
            .Add("cpu_ratio", cpuRatio, "F2")
            .Add("csvbatch_rows_per_s", csvBatch.PerSecond, "F0")
            .Add("process_s", Stats.Median([.. runs.Select(run => run.Process.TotalSeconds)]), "F2")
            .Add("identical", runs.All(run => run.Identical) && cores.Identical ? 1 : 0, "F0");
        foreach (var (name, value, format) in cores.Figures)
        {
            result.Add(name, value, format);
        }

        if (baselines.Count > 0)
        {
            result.Add("baseline_rows_per_s", Stats.Median([.. baselines.Select(run => run.Job.PerSecond)]), "F0")
                .Add("baseline_cpu_rows_per_s", Stats.Median([.. baselines.Select(run => run.Job.PerCpuSecond)]), "F0")
                .Add("cpu_rows_per_s", Stats.Median([.. runs.Select(run => run.Job.PerCpuSecond)]), "F0");
        }

        Console.WriteLine(result);
        return result;
    }

    /// <summary>Queues the CSV as a new job, lets a new worker process run it, and checks what it stored.</summary>
    private static async Task<WorkerRun> RunJobAsync(
        LocalStorage storage, byte[] csv, int rows, string expectedSha, string? modelPath, string workerDll, CancellationToken cancellationToken)
    {
        var jobId = await storage.SubmitAsync(Owner, new MemoryStream(csv), rows, cancellationToken);
        var run = await RunWorkerAsync(storage, jobId, modelPath, workerDll, rows, cancellationToken);
        var job = await storage.Repository.GetAsync(Owner, jobId, cancellationToken);
        if (job is not { Status: JobStatus.Succeeded } || job.RowsDone != rows)
        {
            throw new InvalidOperationException($"The job ended {job?.Status} with {job?.RowsDone} of {rows} rows.");
        }

        var resultKey = JobKeys.ResultKey(Owner, jobId);
        bool identical;
        await using (var stored = await storage.Files.OpenReadAsync(resultKey, cancellationToken))
        {
            identical = await InProcessBatch.Sha256Async(stored, cancellationToken) == expectedSha;
        }

        // The in-memory S3 stand-in would otherwise hold every earlier round's files (110 MB a round at 1M rows), and
        // each later upload would find it larger and slower: every run starts from the same store.
        await storage.Files.DeleteAsync(resultKey, cancellationToken);
        await storage.Files.DeleteAsync(job.InputKey, cancellationToken);
        return run with { Identical = identical };
    }

    /// <summary>
    /// Rows/s of the pipeline pinned to 1 core and to 2 (this build's, and the baseline's when given), in alternating rounds;
    /// medians, and whether every run's result had the expected digest. Only where the machine has 2 cores and taskset.
    /// Beside them, the share of the pinned cores' time the hypervisor stole in each run, and the scaling over the time
    /// the cores actually ran: on these machines the host takes more when both vCPUs are busy than when one is.
    /// </summary>
    private static async Task<(List<(string Name, double Value, string Format)> Figures, bool Identical)> MeasureCoresAsync(
        int rows, string expectedSha, string? baselinePipeline, BenchOptions options, CancellationToken cancellationToken)
    {
        var figures = new List<(string, double, string)>();
        if (Environment.ProcessorCount < 2 || !File.Exists("/usr/bin/taskset"))
        {
            Console.WriteLine("no 1-core and 2-core figures: they need 2 cores and taskset");
            return (figures, true);
        }

        var builds = new List<(string Prefix, string? Dll)> { ("", null) };
        if (baselinePipeline is not null)
        {
            builds.Insert(0, ("baseline_", baselinePipeline));
        }

        var samples = new Dictionary<string, List<(Rate Rate, double Stolen)>>();
        var identical = true;
        for (var round = 1; round <= (options.Quick ? 1 : Rounds); round++)
        {
            foreach (var count in new[] { 1, 2 })
            {
                foreach (var (prefix, dll) in builds)
                {
                    var (rate, stolen, sha) = await PipelineOnCores.MeasureAsync(count, rows, options.ModelPath, dll, cancellationToken);
                    identical &= sha == expectedSha;
                    var key = $"{prefix}{count}core";
                    (samples.TryGetValue(key, out var list) ? list : samples[key] = []).Add((rate, stolen));
                    Console.WriteLine($"round {round}: {prefix}pipeline on {count} core(s) {Describe(rate)}, {stolen:P1} of the cores' time stolen, " +
                        $"result identical: {sha == expectedSha}");
                }
            }
        }

        foreach (var (prefix, _) in builds)
        {
            double Median(int count, Func<(Rate Rate, double Stolen), double> figure) => Stats.Median([.. samples[$"{prefix}{count}core"].Select(figure)]);
            figures.Add(($"{prefix}rows_per_s_1core", Median(1, run => run.Rate.PerSecond), "F0"));
            figures.Add(($"{prefix}rows_per_s_2core", Median(2, run => run.Rate.PerSecond), "F0"));
            figures.Add(($"{prefix}scaling_2core", Median(2, run => run.Rate.PerSecond) / Median(1, run => run.Rate.PerSecond), "F2"));
            figures.Add(($"{prefix}cpu_rows_per_s_1core", Median(1, run => run.Rate.PerCpuSecond), "F0"));
            figures.Add(($"{prefix}cpu_rows_per_s_2core", Median(2, run => run.Rate.PerCpuSecond), "F0"));
            figures.Add(($"{prefix}stolen_pct_1core", 100 * Median(1, run => run.Stolen), "F1"));
            figures.Add(($"{prefix}stolen_pct_2core", 100 * Median(2, run => run.Stolen), "F1"));

            // The rate over the time the cores actually ran: what the code makes of the cores, whatever the host took.
            static double Unstolen((Rate Rate, double Stolen) run) => run.Rate.PerSecond / (1 - Math.Min(run.Stolen, 0.99));
            figures.Add(($"{prefix}scaling_2core_unstolen", Median(2, Unstolen) / Median(1, Unstolen), "F2"));
        }

        return (figures, identical);
    }

    private static string Describe(Rate rate) => $"{rate.PerSecond:F0} rows/s ({rate.PerCpuSecond:F0} per CPU second)";

    /// <summary>The job's time is from the worker's "started" line to its "succeeded" line, as they arrive here; its CPU time is the worker's in between.</summary>
    private static async Task<WorkerRun> RunWorkerAsync(
        LocalStorage storage, string jobId, string? modelPath, string workerDll, int rows, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(RunBudget);
        var settings = modelPath is null ? null : new Dictionary<string, string?> { ["Model__Path"] = Path.GetFullPath(modelPath) };
        var started = Stopwatch.GetTimestamp();
        await using var worker = BatchWorker.Start(storage, "worker", settings, workerDll);
        var peak = PeakMemory.WatchMbAsync(worker);
        await worker.WaitForLineAsync(new Regex($"Job {jobId}: started"), budget.Token);
        var jobStarted = Stopwatch.GetTimestamp();
        var cpuStarted = worker.CpuTime;
        await worker.WaitForLineAsync(new Regex($"Job {jobId}: succeeded"), budget.Token);
        var jobDone = Stopwatch.GetTimestamp();
        var cpu = worker.CpuTime - cpuStarted;
        await worker.Exited.WaitAsync(budget.Token);
        var exited = Stopwatch.GetTimestamp();
        if (worker.ExitCode != 0)
        {
            throw new InvalidOperationException($"The worker exited with {worker.ExitCode}:{Environment.NewLine}{worker.OutputTail()}");
        }

        return new WorkerRun(Rate.Of(rows, Stopwatch.GetElapsedTime(jobStarted, jobDone), cpu), Stopwatch.GetElapsedTime(started, exited), await peak, false);
    }

    private sealed record WorkerRun(Rate Job, TimeSpan Process, double PeakRssMb, bool Identical);
}
