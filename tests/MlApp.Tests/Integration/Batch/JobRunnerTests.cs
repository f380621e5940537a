using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;
using MlApp.BatchJob;
using MlApp.Jobs;
using MlApp.Model;
using MlApp.ServiceDefaults.Metrics;
using MlApp.Tests.Support;
using MlApp.Tests.Unit.Batch;
using MlApp.Tests.Unit.Model;
using Xunit.Abstractions;

namespace MlApp.Tests.Integration.Batch;

/// <summary>The job runner in-process, with the real queue, S3 files and predictor, on the test's clock for leases and backoff.</summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class JobRunnerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private JobServices _jobs = null!;
    private BatchJobs _batch = null!;

    private readonly StringWriter _metrics = new();

    public async Task InitializeAsync()
    {
        _jobs = await JobServices.CreateAsync(new Dictionary<string, string?>
        {
            ["Jobs:LeaseDuration"] = "00:00:30",
            ["Jobs:MaxAttempts"] = "3",
            ["Jobs:RetryBaseDelay"] = "00:00:10",
        });
        _batch = BatchJobs.OnFakeClock(_jobs);
    }

    public async Task DisposeAsync() => await _jobs.DisposeAsync();

    [Fact]
    public async Task A_job_with_bad_rows_succeeds_and_its_result_equals_the_in_process_predictions()
    {
        List<string[]> rows = [.. PenguinCsv.DataRows, .. PenguinCsv.BadRows];
        var job = await _batch.SubmitAsync(PenguinCsv.Bytes(rows), rows.Count);
        var lease = await ClaimAsync();

        var outcome = await Runner().RunAsync(lease, default).WaitAsync(Timeout);

        Assert.Equal(JobOutcome.Succeeded, outcome);
        var stored = await _batch.GetAsync(job);
        Assert.Equal(JobStatus.Succeeded, stored.Status);
        Assert.Equal(rows.Count, stored.RowsTotal);
        Assert.Equal(rows.Count, stored.RowsDone);
        Assert.Equal(JobKeys.ResultKey(job.OwnerId, job.JobId), stored.ResultKey);
        var result = Encoding.UTF8.GetString(await _batch.ReadResultAsync(job));
        Assert.Equal(ExpectedResult.Text(TestModels.Penguins, PenguinCsv.Header, rows, 1024), result);

        // The data set's own incomplete rows and every other kind of bad row carry the reader's message.
        Assert.Contains("Torgersen,,,,,,,,,,Field 'bill_length_mm' is empty; it is required. Field 'bill_depth_mm' is empty;", result);
        Assert.Contains("Torgersen,34.1,18.1,193,3475,,,,,,Field 'sex' is empty; it is required.\r\n", result);
        Assert.Contains("Atlantis,39.1,18.7,181,3750,MALE,,,,,\"Field 'island' is 'Atlantis', which is not one of the allowed values: Biscoe, Dream, Torgersen.\"\r\n", result);
        Assert.Contains("Field 'bill_length_mm' is NaN; it must be a finite number.", result);
        Assert.Contains("The row has 3 cells, but the header has 6 columns.", result);
        Assert.Contains($"\"{MetricNames.JobsSucceeded}\":1,\"{MetricNames.RowsPredicted}\":{rows.Count}", _metrics.ToString());
    }

    [Fact]
    public async Task A_succeeded_job_records_the_device_its_predictor_ran_on()
    {
        var onCpu = await _batch.SubmitAsync(PenguinCsv.Bytes(PenguinCsv.DataRows), PenguinCsv.DataRows.Count);
        await Runner().RunAsync(await ClaimAsync(), default).WaitAsync(Timeout);
        var onGpu = await _batch.SubmitAsync(PenguinCsv.Bytes(PenguinCsv.DataRows), PenguinCsv.DataRows.Count);
        await Runner(predictor: new ReportedDevice(TestModels.Penguins, "cuda")).RunAsync(await ClaimAsync(), default).WaitAsync(Timeout);

        Assert.Equal("cpu", (await _batch.GetAsync(onCpu)).Device);
        Assert.Equal("cuda", (await _batch.GetAsync(onGpu)).Device);
    }

    public static TheoryData<string, string> PoisonInputs => new()
    {
        { "missing", "does not exist: it was deleted, or its upload never finished" },
        { "binary", "The input file is not UTF-8 text" },
        { "header", "The header row does not match the model's inputs. Field 'species' is not an input of this model" },
        { "unclosed quote", "is never closed: the file ends inside it" },
    };

    [Theory]
    [MemberData(nameof(PoisonInputs))]
    public async Task A_poison_job_fails_after_the_maximum_attempts_with_a_readable_reason(string kind, string reason)
    {
        var job = kind switch
        {
            "missing" => await _batch.SubmitWithoutInputAsync(),
            "binary" => await _batch.SubmitAsync([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0xFF, 0xD8, 0x0A, 0x00, 0x2C, 0x01]),
            "header" => await _batch.SubmitAsync(await File.ReadAllBytesAsync(RepositoryRoot.Combine("src", "MlApp.Model.Training", "data", "penguins.csv"))),
            _ => await _batch.SubmitAsync(Encoding.UTF8.GetBytes(string.Join(',', PenguinCsv.Header) + "\n\"Torgersen,39.1,18.7,181,3750,MALE\n")),
        };
        var runner = Runner();
        var outcomes = new List<JobOutcome>();

        for (var attempt = 1; attempt <= _jobs.Options.MaxAttempts; attempt++)
        {
            var lease = await ClaimAsync();
            Assert.Equal(job.JobId, lease.Job.JobId);
            outcomes.Add(await runner.RunAsync(lease, default).WaitAsync(Timeout));
            var between = await _batch.GetAsync(job);
            Assert.Contains(reason, between.LastError);
            _jobs.Time.Advance(_jobs.Options.RetryMaxDelay);
        }

        Assert.Equal([JobOutcome.Retrying, JobOutcome.Retrying, JobOutcome.Failed], outcomes);
        Assert.Single(_metrics.ToString().Split('\n'), line => line.Contains($"\"{MetricNames.JobsFailed}\":1", StringComparison.Ordinal));
        var failed = await _batch.GetAsync(job);
        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Equal(3, failed.Attempts);
        Assert.StartsWith("Failed after 3 attempts. Last error: ", failed.LastError);
        Assert.Contains(reason, failed.LastError);
        Assert.False(await _batch.ResultExistsAsync(job));
        Assert.Null(await _jobs.Queue.TryClaimNextAsync("worker-x", default));
    }

    [Fact]
    public async Task A_failed_attempt_waits_for_its_backoff_before_the_retry()
    {
        var job = await _batch.SubmitWithoutInputAsync();

        Assert.Equal(JobOutcome.Retrying, await Runner().RunAsync(await ClaimAsync(), default).WaitAsync(Timeout));

        Assert.Null(await _jobs.Queue.TryClaimNextAsync("worker-x", default));
        _jobs.Time.Advance(_jobs.Options.RetryBaseDelay);
        Assert.Equal(job.JobId, (await _jobs.Queue.TryClaimNextAsync("worker-x", default))?.Job.JobId);
    }

    [Fact]
    public async Task An_expired_lease_is_reclaimed_and_the_job_completes_once()
    {
        var rows = PenguinCsv.Rows(500).ToList();
        var job = await _batch.SubmitAsync(PenguinCsv.Bytes(rows), rows.Count);
        var crashed = await ClaimAsync("crashed-worker");

        // The first worker dies without a word; its lease lapses.
        _jobs.Time.Advance(_jobs.Options.LeaseDuration);
        var reclaimed = await ClaimAsync("second-worker");
        var outcome = await Runner().RunAsync(reclaimed, default).WaitAsync(Timeout);

        Assert.Equal(JobOutcome.Succeeded, outcome);
        var done = await _batch.GetAsync(job);
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(2, done.Attempts);
        var expected = ExpectedResult.Text(TestModels.Penguins, PenguinCsv.Header, rows, 1024);
        Assert.Equal(expected, Encoding.UTF8.GetString(await _batch.ReadResultAsync(job)));

        // Had the first worker come back to life, it would replay the job (overwriting the same key with the same
        // bytes) but could not complete it a second time.
        Assert.Equal(JobOutcome.LeaseLost, await Runner().RunAsync(crashed, default).WaitAsync(Timeout));
        var after = await _batch.GetAsync(job);
        Assert.Equal(done.FinishedAt, after.FinishedAt);
        Assert.Equal(JobStatus.Succeeded, after.Status);
        Assert.Equal(expected, Encoding.UTF8.GetString(await _batch.ReadResultAsync(job)));
    }

    [Fact]
    public async Task A_worker_that_loses_its_lease_mid_job_stops_at_once_and_writes_nothing_about_the_job()
    {
        var rows = PenguinCsv.Rows(400_000).ToList();
        var job = await _batch.SubmitAsync(PenguinCsv.Bytes(rows), rows.Count);
        var first = await ClaimAsync("first-worker");
        var running = Runner(heartbeat: TimeSpan.FromMilliseconds(50)).RunAsync(first, default);

        await WaitUntilAsync(async () => (await _batch.GetAsync(job)).RowsDone > 0);
        var second = await ReclaimAsync("second-worker");
        var outcome = await running.WaitAsync(Timeout);

        Assert.Equal(JobOutcome.LeaseLost, outcome);
        var taken = await _batch.GetAsync(job);
        Assert.Equal(JobStatus.Running, taken.Status);
        Assert.Equal(second.Token, taken.LeaseOwner);
        Assert.True(taken.RowsDone < rows.Count, "The first worker recorded the job as done.");
        Assert.False(await _batch.ResultExistsAsync(job), "The first worker stored a result after losing the job.");
        Assert.Empty((await _jobs.S3.ListMultipartUploadsAsync(_jobs.Options.BucketName)).MultipartUploads ?? []);

        Assert.Equal(JobOutcome.Succeeded, await Runner().RunAsync(second, default).WaitAsync(Timeout));
        Assert.Equal(JobStatus.Succeeded, (await _batch.GetAsync(job)).Status);
    }

    [Fact]
    public async Task A_stop_request_gives_the_job_back_at_once_without_using_up_an_attempt()
    {
        var rows = PenguinCsv.Rows(400_000).ToList();
        var job = await _batch.SubmitAsync(PenguinCsv.Bytes(rows), rows.Count);
        using var stop = new CancellationTokenSource();
        var running = Runner(heartbeat: TimeSpan.FromMilliseconds(50)).RunAsync(await ClaimAsync("stopping-worker"), stop.Token);

        await WaitUntilAsync(async () => (await _batch.GetAsync(job)).RowsDone > 0);
        await stop.CancelAsync();
        var outcome = await running.WaitAsync(Timeout);

        Assert.Equal(JobOutcome.Released, outcome);
        var released = await _batch.GetAsync(job);
        Assert.Equal(JobStatus.Queued, released.Status);
        Assert.Equal(0, released.Attempts);
        Assert.Equal(0, released.RowsDone);
        Assert.Null(released.LeaseOwner);
        Assert.False(await _batch.ResultExistsAsync(job));

        // Claimable at once, not after the lease would have lapsed, and then it completes in full.
        var retry = await ClaimAsync("next-worker");
        Assert.Equal(1, retry.Job.Attempts);
        Assert.Equal(JobOutcome.Succeeded, await Runner().RunAsync(retry, default).WaitAsync(Timeout));
        Assert.Equal(rows.Count, (await _batch.GetAsync(job)).RowsTotal);
    }

    [Fact]
    public async Task The_job_span_continues_the_trace_of_the_request_that_submitted_it_and_links_to_it()
    {
        var submitter = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var traceParent = $"00-{submitter.TraceId}-{submitter.SpanId}-01";
        var job = await _batch.SubmitAsync(PenguinCsv.Bytes(PenguinCsv.Rows(10)), 10, traceParent);
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == BatchTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await Runner().RunAsync(await ClaimAsync(), default).WaitAsync(Timeout);

        var span = Assert.Single(spans, span => (string?)span.GetTagItem("mlapp.job.id") == job.JobId);
        Assert.Equal(submitter.TraceId, span.TraceId);
        Assert.Equal(submitter.SpanId, span.ParentSpanId);
        Assert.Contains(span.Links, link => link.Context.TraceId == submitter.TraceId && link.Context.SpanId == submitter.SpanId);
        Assert.Equal(ActivityKind.Consumer, span.Kind);
        Assert.Equal("Succeeded", span.GetTagItem("mlapp.job.outcome"));
    }

    private JobRunner Runner(TimeSpan? heartbeat = null, IPredictor? predictor = null) => new(
        _jobs.Queue,
        _jobs.Files,
        predictor ?? TestModels.Penguins,
        Options.Create(new BatchWorkerOptions { HeartbeatInterval = heartbeat ?? TimeSpan.FromMilliseconds(200) }),
        new JobMetrics(new EmbeddedMetricWriter(_metrics, TimeProvider.System, MetricNames.BatchService)),
        TimeProvider.System,
        new TestOutputLogger<JobRunner>(output));

    private async Task<JobLease> ClaimAsync(string workerId = "test-worker") =>
        await _jobs.Queue.TryClaimNextAsync(workerId, default) ?? throw new InvalidOperationException("Nothing to claim.");

    /// <summary>Lets the lease lapse and takes the job; a heartbeat that lands in between extends the lease, so the clock moves again.</summary>
    private async Task<JobLease> ReclaimAsync(string workerId)
    {
        for (var tries = 0; tries < 50; tries++)
        {
            _jobs.Time.Advance(_jobs.Options.LeaseDuration);
            if (await _jobs.Queue.TryClaimNextAsync(workerId, default) is { } lease)
            {
                return lease;
            }
        }

        throw new InvalidOperationException("The lease never lapsed.");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (!await condition())
        {
            await Task.Delay(20, deadline.Token);
        }
    }
}
