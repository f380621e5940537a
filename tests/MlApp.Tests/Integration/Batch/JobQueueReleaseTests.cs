using MlApp.Jobs;
using MlApp.Tests.Support;

namespace MlApp.Tests.Integration.Batch;

/// <summary><see cref="JobQueue.ReleaseAsync"/>, which the worker calls when it is told to stop in the middle of a job.</summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class JobQueueReleaseTests : IAsyncLifetime
{
    private JobServices _jobs = null!;

    public async Task InitializeAsync() => _jobs = await JobServices.CreateAsync(new Dictionary<string, string?>
    {
        ["Jobs:LeaseDuration"] = "00:01:00",
        ["Jobs:MaxAttempts"] = "2",
    });

    public async Task DisposeAsync() => await _jobs.DisposeAsync();

    [Fact]
    public async Task A_released_job_is_claimable_at_once_and_the_interrupted_claim_is_not_counted()
    {
        var job = await CreateJobAsync();
        var lease = (await _jobs.Queue.TryClaimNextAsync("worker-1", default))!;
        await _jobs.Queue.HeartbeatAsync(lease, 500, default);

        var released = await _jobs.Queue.ReleaseAsync(lease, default);

        Assert.Equal(JobStatus.Queued, released.Status);
        Assert.Equal(0, released.Attempts);
        Assert.Equal(0, released.RowsDone);
        Assert.Null(released.LeaseOwner);
        Assert.Null(released.LeaseExpiresAt);
        var next = await _jobs.Queue.TryClaimNextAsync("worker-2", default);
        Assert.Equal(job.JobId, next?.Job.JobId);
        Assert.Equal(1, next!.Job.Attempts);
    }

    [Fact]
    public async Task Releases_never_use_up_the_attempts_a_job_has_for_real_failures()
    {
        var job = await CreateJobAsync();
        for (var stop = 0; stop < 5; stop++)
        {
            await _jobs.Queue.ReleaseAsync((await _jobs.Queue.TryClaimNextAsync($"worker-{stop}", default))!, default);
        }

        var last = await _jobs.Queue.TryClaimNextAsync("worker-last", default);

        Assert.Equal(job.JobId, last?.Job.JobId);
        Assert.Equal(1, last!.Job.Attempts);
    }

    [Fact]
    public async Task A_worker_that_lost_the_job_cannot_release_it()
    {
        await CreateJobAsync();
        var stale = (await _jobs.Queue.TryClaimNextAsync("worker-1", default))!;
        _jobs.Time.Advance(TimeSpan.FromMinutes(1));
        var current = (await _jobs.Queue.TryClaimNextAsync("worker-2", default))!;

        await Assert.ThrowsAsync<JobLeaseLostException>(() => _jobs.Queue.ReleaseAsync(stale, default));

        var stored = await _jobs.Repository.GetAsync(current.Job.OwnerId, current.Job.JobId, default);
        Assert.Equal(JobStatus.Running, stored!.Status);
        Assert.Equal(current.Token, stored.LeaseOwner);
        Assert.Equal(2, stored.Attempts);
    }

    [Fact]
    public async Task A_finished_job_cannot_be_released()
    {
        await CreateJobAsync();
        var lease = (await _jobs.Queue.TryClaimNextAsync("worker-1", default))!;
        await _jobs.Queue.CompleteAsync(lease, "results/alice/x.csv", 1, "cpu", default);

        await Assert.ThrowsAsync<JobLeaseLostException>(() => _jobs.Queue.ReleaseAsync(lease, default));
    }

    private async Task<Job> CreateJobAsync()
    {
        var jobId = JobKeys.NewJobId("alice", null, _jobs.Time);
        return (await _jobs.Repository.CreateAsync(new JobSubmission { OwnerId = "alice", JobId = jobId }, default)).Job;
    }
}
