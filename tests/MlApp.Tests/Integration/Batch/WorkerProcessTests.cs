using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;
using MlApp.BatchJob;
using MlApp.Jobs;
using MlApp.Model;
using MlApp.Tests.Support;
using MlApp.Tests.Unit.Batch;
using MlApp.Tests.Unit.Model;
using Xunit.Abstractions;

using MlApp.Model.Features;
namespace MlApp.Tests.Integration.Batch;

/// <summary>
/// The real worker process (MlApp.BatchJob.dll) against the stand-ins, configured by environment variables only: it
/// drains the queue and exits 0, shares the queue with another process, honours SIGTERM, and keeps memory flat.
/// </summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class WorkerProcessTests(AwsStandIns aws, ITestOutputHelper output) : IAsyncLifetime
{
    private const int ChunkRows = 1024;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    private JobServices _jobs = null!;
    private BatchJobs _batch = null!;

    public async Task InitializeAsync()
    {
        _jobs = await JobServices.CreateAsync(new Dictionary<string, string?>
        {
            ["Jobs:LeaseDuration"] = "00:00:03",
            ["Jobs:MaxAttempts"] = "3",
            ["Jobs:RetryBaseDelay"] = "00:00:00",
        });
        _batch = BatchJobs.OnRealClock(_jobs);
    }

    public async Task DisposeAsync() => await _jobs.DisposeAsync();

    [Fact]
    public async Task A_hundred_jobs_all_succeed_and_every_result_equals_the_in_process_predictions_byte_for_byte()
    {
        var random = new Random(5);
        var submitted = new List<(Job Job, List<string[]> Rows)>();
        for (var i = 0; i < 100; i++)
        {
            var rows = PenguinCsv.Rows(random.Next(20, 201), offset: random.Next(344), badEvery: random.Next(5, 40)).ToList();
            submitted.Add((await _batch.SubmitAsync(PenguinCsv.Bytes(rows), rows.Count), rows));
        }

        await using var worker = StartWorker();
        Assert.Equal(0, await worker.WaitForExitAsync(RunTimeout));

        foreach (var (job, rows) in submitted)
        {
            var done = await _batch.GetAsync(job);
            Assert.Equal(JobStatus.Succeeded, done.Status);
            Assert.Equal(1, done.Attempts);
            Assert.Equal(rows.Count, done.RowsDone);
            var expected = ExpectedResult.Text(TestModels.Penguins, PenguinCsv.Header, rows, ChunkRows);
            Assert.Equal(expected, Encoding.UTF8.GetString(await _batch.ReadResultAsync(job)));
        }

        Assert.Equal(submitted.Select(s => s.Job.JobId).Order(), worker.SucceededJobIds.Order());
        output.WriteLine($"100 jobs in {worker.Started.Elapsed.TotalSeconds:F1} s (process start to exit), peak RSS {Mb(worker.PeakResidentBytes)}");
    }

    [Fact]
    public async Task Two_worker_processes_share_forty_jobs_and_none_is_missed_or_done_twice()
    {
        var jobs = new List<Job>();
        for (var i = 0; i < 40; i++)
        {
            var rows = PenguinCsv.Rows(2000 + i * 50, offset: i).ToList();
            jobs.Add(await _batch.SubmitAsync(PenguinCsv.Bytes(rows), rows.Count));
        }

        await using var first = StartWorker();
        await using var second = StartWorker();
        Assert.Equal(0, await first.WaitForExitAsync(RunTimeout));
        Assert.Equal(0, await second.WaitForExitAsync(RunTimeout));

        foreach (var job in jobs)
        {
            var done = await _batch.GetAsync(job);
            Assert.Equal(JobStatus.Succeeded, done.Status);
            Assert.Equal(1, done.Attempts);
        }

        List<string> completions = [.. first.SucceededJobIds, .. second.SucceededJobIds];
        Assert.Equal(jobs.Select(job => job.JobId).Order(), completions.Order());
        output.WriteLine($"first worker completed {first.SucceededJobIds.Count} jobs, second {second.SucceededJobIds.Count}");
    }

    [Fact]
    public async Task A_stop_signal_mid_job_exits_promptly_with_0_and_the_next_run_completes_the_job_in_full()
    {
        var path = await PenguinCsv.WriteFileAsync(TempFile(), PenguinCsv.Rows(800_000));
        try
        {
            Job job;
            await using (var input = File.OpenRead(path))
            {
                job = await _batch.SubmitAsync(input, 800_000);
            }

            await using (var stopped = StartWorker())
            {
                await stopped.WaitForLineAsync(line => line.Contains($"Job {job.JobId}: ") && line.Contains(" of 800000 rows done"), RunTimeout);
                var signalled = Stopwatch.StartNew();
                stopped.Terminate();
                Assert.Equal(0, await stopped.WaitForExitAsync(TimeSpan.FromSeconds(30)));
                output.WriteLine($"exited {signalled.Elapsed.TotalMilliseconds:F0} ms after SIGTERM");
            }

            var released = await _batch.GetAsync(job);
            Assert.Equal(JobStatus.Queued, released.Status);
            Assert.Equal(0, released.Attempts);
            Assert.False(await _batch.ResultExistsAsync(job));

            await using (var next = StartWorker())
            {
                Assert.Equal(0, await next.WaitForExitAsync(RunTimeout));
            }

            var done = await _batch.GetAsync(job);
            Assert.Equal(JobStatus.Succeeded, done.Status);
            Assert.Equal(800_000, done.RowsTotal);
            await AssertResultAsync(job, PenguinCsv.Rows(800_000));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_million_row_job_streams_through_with_flat_memory()
    {
        const int Rows = 1_000_000;
        var path = await PenguinCsv.WriteFileAsync(TempFile(), PenguinCsv.Rows(Rows));
        try
        {
            Job job;
            await using (var input = File.OpenRead(path))
            {
                job = await _batch.SubmitAsync(input, Rows);
            }

            await using var worker = StartWorker();
            Assert.Equal(0, await worker.WaitForExitAsync(RunTimeout));

            Assert.Equal(JobStatus.Succeeded, (await _batch.GetAsync(job)).Status);
            await AssertResultAsync(job, PenguinCsv.Rows(Rows));
            output.WriteLine($"1,000,000 rows ({new FileInfo(path).Length / 1e6:F0} MB in): {worker.Started.Elapsed.TotalSeconds:F1} s, peak RSS {Mb(worker.PeakResidentBytes)}");
            if (worker.PeakResidentBytes > 0)
            {
                Assert.InRange(worker.PeakResidentBytes, 1, 300L * 1024 * 1024);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Not a benchmark with a verdict: it prints the numbers for the notes, side by side from one run.</summary>
    [Fact]
    public async Task Throughput_of_the_worker_process_next_to_an_in_process_loop()
    {
        const int Rows = 100_000;
        var rows = PenguinCsv.Rows(Rows).ToList();
        var bytes = PenguinCsv.Bytes(rows);
        var job = await _batch.SubmitAsync(bytes, Rows);

        await using var worker = StartWorker();
        Assert.Equal(0, await worker.WaitForExitAsync(RunTimeout));
        Assert.Equal(JobStatus.Succeeded, (await _batch.GetAsync(job)).Status);
        var jobLine = worker.Lines.Single(line => line.Contains($"Job {job.JobId}: succeeded"));

        var predictorLoop = PredictorLoop(TestModels.Penguins, bytes);
        var csvBatch = Stopwatch.StartNew();
        await new CsvBatch(TestModels.Penguins, Options.Create(new BatchWorkerOptions())).RunAsync(new MemoryStream(bytes), Stream.Null, null, default);
        csvBatch.Stop();

        output.WriteLine($"100k rows, worker process: {Rows / worker.Started.Elapsed.TotalSeconds:F0} rows/s start to exit ({worker.Started.Elapsed.TotalSeconds:F2} s), job alone: {jobLine[(jobLine.IndexOf("succeeded", StringComparison.Ordinal))..]}; peak RSS {Mb(worker.PeakResidentBytes)}");
        output.WriteLine($"100k rows, in-process predictor loop (split + CsvFeatureReader + PredictBatch of 1024, no output, no S3): {Rows / predictorLoop.TotalSeconds:F0} rows/s");
        output.WriteLine($"100k rows, in-process CsvBatch (the worker's parse + predict + format, no S3): {Rows / csvBatch.Elapsed.TotalSeconds:F0} rows/s");
    }

    private static TimeSpan PredictorLoop(IPredictor predictor, byte[] csv)
    {
        var stopwatch = Stopwatch.StartNew();
        using var text = new StreamReader(new MemoryStream(csv));
        var reader = CsvFeatureReader.Create(predictor.Card, text.ReadLine()!.Split(',')).Value!;
        var chunk = new List<FeatureRow>(ChunkRows);
        for (var line = text.ReadLine(); line is not null; line = text.ReadLine())
        {
            if (reader.Read(line.Split(',')) is { IsValid: true } row)
            {
                chunk.Add(row.Value);
            }

            if (chunk.Count == ChunkRows)
            {
                predictor.PredictBatch(chunk);
                chunk.Clear();
            }
        }

        predictor.PredictBatch(chunk);
        return stopwatch.Elapsed;
    }

    /// <summary>Compares a large result with its expectation piece by piece, never holding either whole.</summary>
    private async Task AssertResultAsync(Job job, IEnumerable<string[]> rows)
    {
        await using var result = await _batch.OpenResultAsync(job);
        long offset = 0;
        foreach (var piece in ExpectedResult.Chunks(TestModels.Penguins, PenguinCsv.Header, rows, ChunkRows))
        {
            var expected = Encoding.UTF8.GetBytes(piece);
            var actual = new byte[expected.Length];
            var read = await result.ReadAtLeastAsync(actual, actual.Length, throwOnEndOfStream: false);
            if (read != expected.Length || !actual.AsSpan().SequenceEqual(expected))
            {
                Assert.Fail($"The result differs from the expectation within bytes {offset}..{offset + expected.Length}:\n" +
                    $"expected: {piece[..Math.Min(300, piece.Length)]}\nactual:   {Encoding.UTF8.GetString(actual, 0, Math.Min(300, read))}");
            }

            offset += expected.Length;
        }

        Assert.Equal(0, await result.ReadAsync(new byte[1]));
    }

    private WorkerProcess StartWorker() => WorkerProcess.Start(aws, _jobs.Options, output);

    private static string TempFile() => Path.Combine(Path.GetTempPath(), $"mlapp-batch-{Guid.NewGuid():N}.csv");

    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024):F0} MB";
}
