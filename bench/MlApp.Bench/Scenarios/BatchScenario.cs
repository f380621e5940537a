using System.Diagnostics;
using System.Text.RegularExpressions;
using MlApp.Jobs;
using MlApp.Model;

namespace MlApp.Bench;

/// <summary>
/// Batch throughput on the full path: a job queued in DynamoDB (dynalite) with its CSV in S3 (fauxqs), run by the worker
/// process, which claims it, streams the input from S3, predicts, streams the result back and marks it SUCCEEDED. Its
/// floor is a loop in this process over the same bytes (split, validate, predict; no output), timed before and after
/// the worker so the ratio sees the same machine. The stored result must equal the worker's own code run in process.
/// </summary>
internal sealed class BatchScenario : IScenario
{
    private const int ChunkRows = 1024;
    private const string Owner = "bench";
    private static readonly TimeSpan RunBudget = TimeSpan.FromMinutes(5);

    public string Name => "batch";

    public string Description => "rows/s of the worker process (DynamoDB + S3 stand-ins) vs an in-process loop over the same CSV";

    public async Task<BenchResult> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        using var predictor = OnnxPredictor.Load(options.ModelPath ?? ModelFolder.DefaultPath, options.IntraOpThreads);
        await using var storage = await LocalStorage.StartAsync(cancellationToken);
        int[] sizes = options.Quick ? [100_000] : [100_000, 1_000_000];
        BenchResult? result = null;
        foreach (var rows in sizes)
        {
            result = await MeasureAsync(predictor, storage, rows, options.ModelPath, cancellationToken);
        }

        return result!;
    }

    private async Task<BenchResult> MeasureAsync(OnnxPredictor predictor, LocalStorage storage, int rows, string? modelPath, CancellationToken cancellationToken)
    {
        var csv = BatchCsv.Create(predictor.Card, rows);
        Console.WriteLine($"{rows:N0} rows, {csv.Length / 1e6:F1} MB of CSV");
        InProcessBatch.LimitRowsPerSecond(predictor, csv, ChunkRows);
        var limitBefore = InProcessBatch.LimitRowsPerSecond(predictor, csv, ChunkRows);
        var (csvBatchRate, expectedSha) = await InProcessBatch.CsvBatchAsync(predictor, csv, cancellationToken);
        Console.WriteLine($"in process: limit {limitBefore:F0} rows/s; the worker's CsvBatch from memory {csvBatchRate:F0} rows/s");

        var jobId = await storage.SubmitAsync(Owner, new MemoryStream(csv), rows, cancellationToken);
        var run = await RunWorkerAsync(storage, jobId, modelPath, cancellationToken);
        var job = await storage.Repository.GetAsync(Owner, jobId, cancellationToken);
        if (job is not { Status: JobStatus.Succeeded } || job.RowsDone != rows)
        {
            throw new InvalidOperationException($"The job ended {job?.Status} with {job?.RowsDone} of {rows} rows.");
        }

        await using var stored = await storage.Files.OpenReadAsync(JobKeys.ResultKey(Owner, jobId), cancellationToken);
        var identical = await InProcessBatch.Sha256Async(stored, cancellationToken) == expectedSha;

        var limitAfter = InProcessBatch.LimitRowsPerSecond(predictor, csv, ChunkRows);
        var limit = (limitBefore + limitAfter) / 2;
        var rate = rows / run.Job.TotalSeconds;
        Console.WriteLine($"worker: job {run.Job.TotalSeconds:F2} s ({rate:F0} rows/s), process start to exit {run.Process.TotalSeconds:F2} s, " +
            $"peak RSS {run.PeakRssMb:F0} MB; limit after {limitAfter:F0} rows/s; result identical to in process: {identical}");

        return new BenchResult(Name)
            .Add("rows_per_s", rate, "F0")
            .Add("limit_rows_per_s", limit, "F0")
            .Add("ratio", rate / limit, "F2")
            .Add("peak_rss_mb", run.PeakRssMb, "F0")
            .Add("rows", rows, "F0")
            .Add("csvbatch_rows_per_s", csvBatchRate, "F0")
            .Add("process_s", run.Process.TotalSeconds, "F2")
            .Add("identical", identical ? 1 : 0, "F0");
    }

    /// <summary>The job's time is from the worker's "started" line to its "succeeded" line, as they arrive here.</summary>
    private static async Task<(TimeSpan Job, TimeSpan Process, double PeakRssMb)> RunWorkerAsync(
        LocalStorage storage, string jobId, string? modelPath, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(RunBudget);
        var settings = modelPath is null ? null : new Dictionary<string, string?> { ["Model__Path"] = Path.GetFullPath(modelPath) };
        var started = Stopwatch.GetTimestamp();
        await using var worker = BatchWorker.Start(storage, "worker", settings);
        var peak = PeakMemory.WatchMbAsync(worker);
        await worker.WaitForLineAsync(new Regex($"Job {jobId}: started"), budget.Token);
        var jobStarted = Stopwatch.GetTimestamp();
        await worker.WaitForLineAsync(new Regex($"Job {jobId}: succeeded"), budget.Token);
        var jobDone = Stopwatch.GetTimestamp();
        await worker.Exited.WaitAsync(budget.Token);
        var exited = Stopwatch.GetTimestamp();
        if (worker.ExitCode != 0)
        {
            throw new InvalidOperationException($"The worker exited with {worker.ExitCode}:{Environment.NewLine}{worker.OutputTail()}");
        }

        return (Stopwatch.GetElapsedTime(jobStarted, jobDone), Stopwatch.GetElapsedTime(started, exited), await peak);
    }
}
