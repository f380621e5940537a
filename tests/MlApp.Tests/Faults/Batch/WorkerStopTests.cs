using System.Diagnostics;
using MlApp.Jobs;
using MlApp.Tests.Support;
using Xunit.Abstractions;

namespace MlApp.Tests.Faults.Batch;

/// <summary>
/// SIGTERM, as ECS StopTask and a Spot interruption send it, at different moments of a run: the worker ends within the
/// 30 s ECS allows before SIGKILL, gives back what it holds, and every job is still done, and done once. The stop in
/// the middle of a job alone is in <c>WorkerProcessTests</c>.
/// </summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class WorkerStopTests(AwsStandIns aws, ITestOutputHelper output)
{
    /// <summary>ECS sends SIGKILL this long after SIGTERM (the container's default stopTimeout).</summary>
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_stop_signal_while_claiming_mid_job_or_between_jobs_ends_the_worker_within_30_s_with_every_job_given_back_or_done()
    {
        await using var run = await FaultyBatch.StartAsync(aws, output, maxAttempts: 3);
        for (var i = 0; i < 4; i++)
        {
            await run.SubmitAsync(FaultyBatch.RowsPastFirstReport, offset: i * 11);
        }

        (string Moment, Func<string, bool> Line)[] moments =
        [
            ("while claiming", WorkerLog.Claiming),
            ("mid-job", WorkerLog.MidAnyJob),
            ("right after a job succeeded", WorkerLog.JobSucceeded),
        ];
        foreach (var (moment, line) in moments)
        {
            await StopWithinGracePeriodAsync(await run.StartWorkerAsync(line), moment);

            // Nothing waits out a lease: each job is back in the queue or done.
            foreach (var job in run.Submitted)
            {
                var state = await run.GetAsync(job);
                Assert.True(state.Status is JobStatus.Queued or JobStatus.Succeeded, $"after a stop {moment}, job {job.Id} is {state.Status}");
            }
        }

        await run.DrainAsync();
        var books = await run.CloseBooksAsync();
        output.WriteLine($"stops survived: {moments.Length}; {books}");
        books.AssertEveryJobDoneOnce();
    }

    [Fact]
    public async Task A_stop_signal_while_DynamoDB_does_not_answer_still_ends_the_worker_within_30_s_and_the_job_is_reclaimed_after_its_lease()
    {
        var shortTimeout = new Dictionary<string, string> { ["Jobs__DynamoDbTimeout"] = "00:00:01" };
        await using var run = await FaultyBatch.StartAsync(aws, output, maxAttempts: 3, shortTimeout);
        var job = await run.SubmitAsync(FaultyBatch.RowsPastFirstReport);
        var worker = await run.StartWorkerAsync(WorkerLog.MidJob(job));

        run.DynamoDb.Hang();
        await StopWithinGracePeriodAsync(worker, "while DynamoDB does not answer");
        run.DynamoDb.Resume();

        // The job could not be given back, so it is still RUNNING under the stopped worker's lease until that lapses.
        Assert.Equal(JobStatus.Running, (await run.GetAsync(job)).Status);
        await run.WaitUntilClaimableAsync(job);
        await run.DrainAsync();
        var books = await run.CloseBooksAsync();
        output.WriteLine(books.ToString());
        books.AssertEveryJobDoneOnce();
    }

    private async Task StopWithinGracePeriodAsync(Integration.Batch.WorkerProcess worker, string moment)
    {
        var signalled = Stopwatch.StartNew();
        UnixSignals.Send(worker.Id, UnixSignals.Terminate);
        Assert.Equal(0, await worker.WaitForExitAsync(GracePeriod));
        output.WriteLine($"stopped {moment}: exited with 0 after {signalled.Elapsed.TotalSeconds:F1} s");
    }
}
