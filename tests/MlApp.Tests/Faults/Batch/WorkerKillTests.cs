using MlApp.Jobs;
using MlApp.Tests.Support;
using Xunit.Abstractions;

namespace MlApp.Tests.Faults.Batch;

/// <summary>
/// At-least-once, proved the way SQS and Hangfire prove it: the worker process is SIGKILLed mid-job again and again
/// (no chance to release anything), and each time the job is reclaimed once its lease lapses and, in the end, is
/// completed exactly once with the right rows.
/// </summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class WorkerKillTests(AwsStandIns aws, ITestOutputHelper output)
{
    private const int Kills = 5;

    /// <summary>
    /// Enough rows that a kill on the first progress report lands well before the end, even on a fast machine: a Debug
    /// worker here reached 393,636 rows/s and did all of 200,000 rows before its first report (half a second in).
    /// </summary>
    private const int VictimRows = 2_000_000;

    [Fact]
    public async Task A_job_whose_worker_is_killed_five_times_in_a_row_is_reclaimed_after_each_lease_and_completes_once()
    {
        // Kills + 1 attempts exactly: each crash uses one, and the last worker must still be allowed to finish.
        await using var run = await FaultyBatch.StartAsync(aws, output, maxAttempts: Kills + 1);
        var victim = await run.SubmitAsync(VictimRows);
        // Queued behind the victim: the second worker takes them first (their due time is older than the lapsed
        // lease's), so they show that work around a crashed job goes on undisturbed.
        var bystanders = new List<SubmittedJob>();
        for (var i = 0; i < 4; i++)
        {
            bystanders.Add(await run.SubmitAsync(50 + i * 100, offset: i * 7));
        }

        for (var kill = 1; kill <= Kills; kill++)
        {
            var worker = await run.StartWorkerAsync(WorkerLog.MidJob(victim));
            UnixSignals.Send(worker.Id, UnixSignals.Kill);
            Assert.NotEqual(0, await worker.WaitForExitAsync(FaultyBatch.StepTimeout));

            var crashed = await run.GetAsync(victim);
            Assert.Equal(JobStatus.Running, crashed.Status);
            Assert.Equal(kill, crashed.Attempts);
            Assert.False(await run.Jobs.ResultExistsAsync(victim.Job), "a killed worker left a result behind");
            output.WriteLine($"kill {kill}: worker {worker.Id} killed at {crashed.RowsDone} rows reported; lease ends {crashed.LeaseExpiresAt:HH:mm:ss.fff}");
            await run.WaitUntilClaimableAsync(victim);
        }

        await run.DrainAsync();

        var done = await run.GetAsync(victim);
        Assert.Equal(Kills + 1, done.Attempts);
        Assert.All(bystanders, job => Assert.Single(run.Workers, worker => worker.SucceededJobIds.Contains(job.Id)));
        var books = await run.CloseBooksAsync();
        output.WriteLine($"kills survived: {Kills}; {books}");
        books.AssertEveryJobDoneOnce();
    }
}
