using MlApp.Jobs;
using MlApp.Tests.Support;
using Xunit.Abstractions;

namespace MlApp.Tests.Faults.Batch;

/// <summary>
/// DynamoDB or S3 stops answering (requests and downloads freeze, as when the server hangs) or cuts connections (as while
/// it restarts) under a real worker process. The workers reach the stand-ins through a proxy that does this, so the
/// stand-ins keep their data, as AWS does through an outage: a restarted in-memory stand-in would lose every table and
/// object, which tests the stand-in rather than the system. Every case ends with each job done once.
/// </summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class StandInOutageTests(AwsStandIns aws, ITestOutputHelper output)
{
    /// <summary>Enough rows that S3 is still busy with the job when it stops answering.</summary>
    private const int Rows = FaultyBatch.RowsPastFirstReport;

    /// <summary>Done in well under the outages below, so the job's last write meets the outage.</summary>
    private const int SmallRows = 5_000;

    private static readonly TimeSpan Backoff = TimeSpan.FromSeconds(2);

    /// <summary>Short timeouts, so the workers notice within a test what they notice within a minute in AWS.</summary>
    private static readonly Dictionary<string, string> ShortTimeouts = new()
    {
        ["Jobs__DynamoDbTimeout"] = "00:00:01",
        ["Jobs__S3Timeout"] = "00:00:02",
    };

    [Fact]
    public async Task When_DynamoDB_stops_answering_for_two_leases_as_a_job_ends_the_worker_waits_it_out_and_completes_the_job_once()
    {
        await using var run = await FaultyBatch.StartAsync(aws, output, maxAttempts: 3, ShortTimeouts);
        var job = await run.SubmitAsync(SmallRows);
        var worker = await run.StartWorkerAsync(WorkerLog.Started(job));

        // The run ends inside the outage, so its completion meets a DynamoDB that does not answer, and must not give up.
        run.DynamoDb.Hang();
        await Task.Delay(FaultyBatch.Lease * 2);
        run.DynamoDb.Resume();

        // The lease lapsed meanwhile, but nobody took the job, so the conditional completion still belongs to this worker.
        Assert.Equal(0, await worker.WaitForExitAsync(FaultyBatch.StepTimeout));
        Assert.Equal(1, (await run.GetAsync(job)).Attempts);
        await CloseBooksAsync(run);
    }

    [Fact]
    public async Task When_DynamoDB_stops_answering_for_longer_than_a_worker_waits_it_exits_with_an_error_and_a_later_worker_completes_the_job()
    {
        await using var run = await FaultyBatch.StartAsync(aws, output, maxAttempts: 3, ShortTimeouts);
        var job = await run.SubmitAsync(SmallRows);
        var worker = await run.StartWorkerAsync(WorkerLog.Started(job));

        run.DynamoDb.Hang();
        // Bounded by the worker's budget for its last writes about the job, while DynamoDB still does not answer.
        Assert.Equal(1, await worker.WaitForExitAsync(FaultyBatch.StepTimeout));
        Assert.Contains(worker.Lines, line => line.Contains(WorkerLog.QueueUnusable, StringComparison.Ordinal));
        run.DynamoDb.Resume();

        await run.WaitUntilClaimableAsync(job);
        await run.DrainAsync();
        Assert.Equal(2, (await run.GetAsync(job)).Attempts);
        var books = await run.CloseBooksAsync();
        output.WriteLine(books.ToString());
        // The first worker stored the result but could never record it: at-least-once redoes that run, once.
        Assert.Equal((0, 0), (books.Lost, books.Duplicated));
        Assert.Equal(2, run.ResultWrites(job));
    }

    [Fact]
    public async Task When_S3_stops_answering_mid_job_the_attempt_fails_with_a_reason_that_names_S3_and_the_job_completes_once_S3_is_back()
    {
        // A backoff longer than the failing attempt, so the stalled worker does not spend every attempt while S3 hangs.
        var settings = new Dictionary<string, string>(ShortTimeouts) { ["Jobs__RetryBaseDelay"] = Backoff.ToString() };
        await using var run = await FaultyBatch.StartAsync(aws, output, maxAttempts: 3, settings);
        var job = await run.SubmitAsync(Rows);
        var worker = await run.StartWorkerAsync(WorkerLog.MidJob(job));

        run.S3.Hang();
        // The attempt fails, the job goes back to the queue with its backoff, and nothing else is due: the worker is done.
        Assert.Equal(0, await worker.WaitForExitAsync(FaultyBatch.StepTimeout));
        var waiting = await run.GetAsync(job);
        Assert.Equal(JobStatus.Queued, waiting.Status);
        Assert.Contains("S3", waiting.LastError);
        output.WriteLine($"recorded while S3 hung: {waiting.LastError}");
        run.S3.Resume();

        await run.WaitUntilClaimableAsync(job, Backoff);
        await run.DrainAsync();
        await CloseBooksAsync(run);
    }

    [Fact]
    public async Task When_DynamoDB_cuts_every_connection_while_a_worker_starts_it_exits_with_an_error_and_the_queued_job_is_untouched()
    {
        await using var run = await FaultyBatch.StartAsync(aws, output, maxAttempts: 3, ShortTimeouts);
        var job = await run.SubmitAsync(1_000);

        run.DynamoDb.Drop();
        var worker = run.StartWorker();
        Assert.Equal(1, await worker.WaitForExitAsync(FaultyBatch.StepTimeout));
        Assert.Contains(worker.Lines, line => line.Contains(WorkerLog.QueueUnusable, StringComparison.Ordinal));
        var untouched = await run.GetAsync(job);
        Assert.Equal((JobStatus.Queued, 0), (untouched.Status, untouched.Attempts));
        run.DynamoDb.Resume();

        await run.DrainAsync();
        await CloseBooksAsync(run);
    }

    private async Task CloseBooksAsync(FaultyBatch run)
    {
        var books = await run.CloseBooksAsync();
        output.WriteLine(books.ToString());
        books.AssertEveryJobDoneOnce();
    }
}
