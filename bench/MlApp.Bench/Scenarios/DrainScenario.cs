using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using MlApp.Jobs;
using MlApp.Model;

using MlApp.Model.Onnx;
namespace MlApp.Bench;

/// <summary>
/// A backlog of 1,000 jobs from 100 owners, queued as the web queues them (input in S3, then the job in DynamoDB), drained
/// by four worker processes started at once, as the dispatcher starts them at its default cap. Every job must end
/// SUCCEEDED with a whole result (lost=0) and be run to success once (duplicated=0). The ideal is the time the model
/// alone needs for all the rows in this process; the difference is what a job costs besides its rows.
/// </summary>
internal sealed partial class DrainScenario : IScenario
{
    private const int Jobs = 1_000;
    private const int Owners = 100;
    private const int Workers = 4;
    private static readonly TimeSpan DrainBudget = TimeSpan.FromMinutes(5);

    public string Name => "drain";

    public string Description => "1,000 jobs from 100 owners drained by 4 worker processes: seconds vs ideal, lost, duplicated";

    public async Task<BenchResult> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        using var predictor = OnnxPredictor.Load(options.ModelPath ?? ModelFolder.DefaultPath, options.IntraOpThreads);
        await using var storage = await LocalStorage.StartAsync(cancellationToken);
        var rowsPerJob = options.Scaled(500, 50);
        var csv = BatchCsv.Create(predictor.Card, rowsPerJob);

        var submitted = new ConcurrentBag<(string Owner, string JobId)>();
        var queueing = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Jobs), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (index, token) =>
        {
            var owner = $"owner{index % Owners:D3}";
            submitted.Add((owner, await storage.SubmitAsync(owner, new MemoryStream(csv), rowsPerJob, token)));
        });
        Console.WriteLine($"{Jobs} jobs of {rowsPerJob} rows from {Owners} owners queued in {queueing.Elapsed.TotalSeconds:F1} s");

        var successes = new ConcurrentQueue<string>();
        var drain = Stopwatch.StartNew();
        var cpuBefore = storage.CpuTime;
        var workers = Enumerable.Range(1, Workers)
            .Select(number => BatchWorker.Start(storage, $"worker {number}", settings: null, dll: null, onLine: line =>
            {
                if (Succeeded().Match(line) is { Success: true } match)
                {
                    successes.Enqueue(match.Groups["id"].Value);
                }
            }))
            .ToList();
        try
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(DrainBudget);
            await Task.WhenAll(workers.Select(worker => worker.Exited)).WaitAsync(budget.Token);
            drain.Stop();
            var failedWorkers = workers.Where(worker => worker.ExitCode != 0).ToList();
            if (failedWorkers.Count > 0)
            {
                throw new InvalidOperationException($"{failedWorkers.Count} workers exited with an error:{Environment.NewLine}{failedWorkers[0].OutputTail()}");
            }
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }

        var standInsCpu = storage.CpuTime - cpuBefore;
        var (lost, retried) = await CheckAsync(storage, [.. submitted], rowsPerJob, cancellationToken);
        var duplicated = successes.GroupBy(id => id).Count(group => group.Count() > 1);

        var allRows = BatchCsv.Create(predictor.Card, Jobs * rowsPerJob);
        InProcessBatch.Limit(predictor, allRows, 1024);
        var limit = InProcessBatch.Limit(predictor, allRows, 1024);
        var ideal = Jobs * rowsPerJob / limit.PerSecond;
        Console.WriteLine($"drained by {Workers} workers in {drain.Elapsed.TotalSeconds:F1} s ({Jobs / drain.Elapsed.TotalSeconds:F0} jobs/s, " +
            $"{drain.Elapsed.TotalMilliseconds * Workers / Jobs:F0} ms per job per worker); the stand-ins used {standInsCpu.TotalSeconds:F1} s of CPU; " +
            $"{successes.Count} successes logged, {retried} jobs needed more than one attempt");
        return new BenchResult(Name)
            .Add("jobs", Jobs, "F0")
            .Add("seconds", drain.Elapsed.TotalSeconds)
            .Add("ideal_seconds", ideal, "F2")
            .Add("lost", lost, "F0")
            .Add("duplicated", duplicated, "F0")
            .Add("workers", Workers, "F0")
            .Add("rows_per_job", rowsPerJob, "F0")
            .Add("jobs_per_s", Jobs / drain.Elapsed.TotalSeconds, "F0");
    }

    /// <summary>A job is lost unless it SUCCEEDED with every row done and its result holds a header and one line per row.</summary>
    private static async Task<(int Lost, int Retried)> CheckAsync(LocalStorage storage, List<(string Owner, string JobId)> jobs, int rows, CancellationToken cancellationToken)
    {
        var lost = 0;
        var retried = 0;
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (job, token) =>
        {
            var stored = await storage.Repository.GetAsync(job.Owner, job.JobId, token);
            var whole = stored is { Status: JobStatus.Succeeded } && stored.RowsDone == rows && await ResultLinesAsync(storage, job, token) == rows + 1;
            if (!whole)
            {
                Interlocked.Increment(ref lost);
            }

            if (stored?.Attempts > 1)
            {
                Interlocked.Increment(ref retried);
            }
        });
        return (lost, retried);
    }

    private static async Task<int> ResultLinesAsync(LocalStorage storage, (string Owner, string JobId) job, CancellationToken cancellationToken)
    {
        await using var result = await storage.Files.OpenReadAsync(JobKeys.ResultKey(job.Owner, job.JobId), cancellationToken);
        using var reader = new StreamReader(result);
        var lines = 0;
        while (await reader.ReadLineAsync(cancellationToken) is not null)
        {
            lines++;
        }

        return lines;
    }

    [GeneratedRegex(@"Job (?<id>[0-9a-f]{32}): succeeded")]
    private static partial Regex Succeeded();
}
