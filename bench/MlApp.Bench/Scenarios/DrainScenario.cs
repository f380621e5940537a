using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using MlApp.Jobs;
using MlApp.Model;

using MlApp.Model.Onnx;
namespace MlApp.Bench;

/// <summary>
/// A backlog of 1,000 jobs from 100 owners, queued as the web queues them (input in S3, then the job in DynamoDB), drained
/// by four processes of the worker as its image ships it, started at once, as the dispatcher starts them at its default
/// cap. Every job must end SUCCEEDED with a whole result (lost=0) and be run to success once (duplicated=0). The ideal
/// is the time the model alone needs for all the rows in this process; the difference is what a job costs besides its
/// rows. With <c>--baseline-worker</c>, the other build drains its own backlog first, against the same stand-ins, for
/// before/after figures from one run. Before either, an untimed backlog of <see cref="WarmUpJobs"/> brings the stand-ins
/// to their steady state (Node.js compiles their hot paths and sizes its heap as they go), so whichever build drains
/// first doesn't pay for that. The quick run, a smoke test, warms up with <see cref="QuickWarmUpJobs"/>.
/// </summary>
internal sealed partial class DrainScenario : IScenario
{
    private const int Jobs = 1_000;
    private const int Owners = 100;
    private const int Workers = 4;
    /// <summary>
    /// As many as are measured: after 200, the stand-ins still used 9.1-9.6 s of CPU for the next 1,000 jobs and
    /// 7.6-8.1 s for the 1,000 after those; after 1,000, the two drains that follow cost them alike (6.1-8.7 s).
    /// </summary>
    private const int WarmUpJobs = Jobs;
    private const int QuickWarmUpJobs = 200;
    private static readonly TimeSpan DrainBudget = TimeSpan.FromMinutes(5);

    public string Name => "drain";

    public string Description => "1,000 jobs from 100 owners drained by 4 worker processes: ms per job per worker, lost, duplicated";

    public async Task<BenchResult> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        using var predictor = OnnxPredictor.Load(options.ModelPath ?? ModelFolder.DefaultPath, options.IntraOpThreads);
        await using var storage = await LocalStorage.StartAsync(cancellationToken);
        var rowsPerJob = options.Scaled(500, 50);
        var csv = BatchCsv.Create(predictor.Card, rowsPerJob);
        var worker = await BatchWorker.PublishAsync(cancellationToken);

        var warmUp = await DrainAsync(storage, csv, rowsPerJob, options.Scaled(WarmUpJobs, QuickWarmUpJobs), worker, cancellationToken);
        Report("warm-up (not counted)", warmUp);
        if (warmUp.Lost + warmUp.Duplicated > 0)
        {
            throw new InvalidOperationException($"The warm-up lost {warmUp.Lost} jobs and ran {warmUp.Duplicated} twice.");
        }

        var result = new BenchResult(Name);
        if (options.BaselineWorker is { } baseline)
        {
            var before = await DrainAsync(storage, csv, rowsPerJob, Jobs, baseline, cancellationToken);
            Report("baseline", before);
            result.Add("baseline_ms_per_job_per_worker", before.MsPerJobPerWorker, "F0")
                .Add("baseline_cpu_ms_per_job", before.CpuMsPerJob)
                .Add("baseline_lost", before.Lost, "F0")
                .Add("baseline_duplicated", before.Duplicated, "F0");
        }

        var drained = await DrainAsync(storage, csv, rowsPerJob, Jobs, worker, cancellationToken);
        Report("this build", drained);

        var allRows = BatchCsv.Create(predictor.Card, Jobs * rowsPerJob);
        InProcessBatch.Limit(predictor, allRows, 1024);
        var limit = InProcessBatch.Limit(predictor, allRows, 1024);
        var ideal = Jobs * rowsPerJob / limit.PerSecond;
        return result
            .Add("jobs", Jobs, "F0")
            .Add("seconds", drained.Seconds)
            .Add("ideal_seconds", ideal, "F2")
            .Add("ms_per_job_per_worker", drained.MsPerJobPerWorker, "F0")
            .Add("cpu_ms_per_job", drained.CpuMsPerJob)
            .Add("stolen_pct", 100 * drained.Stolen)
            .Add("ms_per_job_per_worker_unstolen", drained.UnstolenMsPerJobPerWorker, "F0")
            .Add("lost", drained.Lost, "F0")
            .Add("duplicated", drained.Duplicated, "F0")
            .Add("workers", Workers, "F0")
            .Add("rows_per_job", rowsPerJob, "F0")
            .Add("jobs_per_s", Jobs / drained.Seconds, "F0");
    }

    private static void Report(string build, Drain drain) =>
        Console.WriteLine($"{build}: {drain.Jobs} jobs drained by {Workers} workers in {drain.Seconds:F1} s ({drain.Jobs / drain.Seconds:F0} jobs/s, " +
            $"{drain.MsPerJobPerWorker:F0} ms per job per worker); CPU: stand-ins {drain.StandInsCpu.TotalSeconds:F1} s, workers {drain.WorkersCpu.TotalSeconds:F1} s, " +
            $"{drain.CpuMsPerJob:F1} ms per job; {drain.Stolen:P1} of the vCPUs' time stolen; " +
            $"{drain.Successes} successes logged, {drain.Retried} jobs needed more than one attempt; lost {drain.Lost}, duplicated {drain.Duplicated}");

    /// <summary>Queues a fresh backlog of <paramref name="jobs"/> and drains it with <see cref="Workers"/> processes of the worker in <paramref name="dll"/>.</summary>
    private static async Task<Drain> DrainAsync(LocalStorage storage, byte[] csv, int rowsPerJob, int jobs, string dll, CancellationToken cancellationToken)
    {
        var submitted = new ConcurrentBag<(string Owner, string JobId)>();
        var queueing = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, jobs), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (index, token) =>
        {
            var owner = $"owner{index % Owners:D3}";
            submitted.Add((owner, await storage.SubmitAsync(owner, new MemoryStream(csv), rowsPerJob, token)));
        });
        Console.WriteLine($"{jobs} jobs of {rowsPerJob} rows from {Owners} owners queued in {queueing.Elapsed.TotalSeconds:F1} s");

        var successes = new ConcurrentQueue<string>();
        var drain = Stopwatch.StartNew();
        var stolen = StolenTime.Start();
        var cpuBefore = storage.CpuTime;
        var workersCpuBefore = ChildrenCpu.Exited();
        var stolenShare = 0.0;
        var workers = Enumerable.Range(1, Workers)
            .Select(number => BatchWorker.Start(storage, $"worker {number}", settings: null, dll, onLine: line =>
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
            stolenShare = stolen.Share();
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
        var workersCpu = ChildrenCpu.Exited() - workersCpuBefore;
        var (lost, retried) = await CheckAsync(storage, [.. submitted], rowsPerJob, cancellationToken);
        var duplicated = successes.GroupBy(id => id).Count(group => group.Count() > 1);
        return new Drain(jobs, drain.Elapsed.TotalSeconds, lost, duplicated, retried, successes.Count, standInsCpu, workersCpu, stolenShare);
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

    /// <summary>
    /// One drain: its wall time, its books, the CPU time the stand-ins and the workers used while it ran, and the share
    /// of the machine's vCPU time the hypervisor took meanwhile (<see cref="StolenTime"/>).
    /// </summary>
    private sealed record Drain(
        int Jobs, double Seconds, int Lost, int Duplicated, int Retried, int Successes, TimeSpan StandInsCpu, TimeSpan WorkersCpu, double Stolen)
    {
        public double MsPerJobPerWorker => Seconds * 1000 * Workers / Jobs;

        /// <summary>The same over the time the vCPUs actually ran: a drain is bound by CPU, so stolen time adds to it one for one.</summary>
        public double UnstolenMsPerJobPerWorker => MsPerJobPerWorker * (1 - Stolen);

        /// <summary>What a job costs the machine, whatever else shares it: the stand-ins' and the workers' CPU time per job.</summary>
        public double CpuMsPerJob => (StandInsCpu + WorkersCpu).TotalMilliseconds / Jobs;
    }
}
