using Microsoft.Extensions.Options;
using MlApp.Jobs;
using MlApp.Web.Jobs;
using MlApp.Tests.Support;

namespace MlApp.Tests.Integration;

[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class JobQueueTests : IAsyncLifetime
{
    private JobServices _jobs = null!;

    public async Task InitializeAsync() => _jobs = await JobServices.CreateAsync(new Dictionary<string, string?>
    {
        ["Jobs:LeaseDuration"] = "00:01:00",
        ["Jobs:MaxAttempts"] = "3",
        ["Jobs:RetryBaseDelay"] = "00:00:10",
    });

    public async Task DisposeAsync() => await _jobs.DisposeAsync();

    [Fact]
    public async Task Fifty_concurrent_claims_of_one_job_have_exactly_one_winner()
    {
        var job = await CreateJobAsync();

        var claims = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(worker => _jobs.Queue.TryClaimAsync(job.OwnerId, job.JobId, $"worker-{worker}", default)));

        var winner = Assert.Single(claims, claim => claim is not null)!;
        var stored = await _jobs.Repository.GetAsync(job.OwnerId, job.JobId, default);
        Assert.Equal(JobStatus.Running, stored!.Status);
        Assert.Equal(winner.Token, stored.LeaseOwner);
        Assert.Equal(1, stored.Attempts);
    }

    [Fact]
    public async Task A_finished_job_records_when_its_last_attempt_started_so_its_run_time_is_known()
    {
        var job = await CreateJobAsync();
        _jobs.Time.Advance(TimeSpan.FromSeconds(30));
        var claimedAt = _jobs.Time.GetUtcNow();
        var lease = await _jobs.Queue.TryClaimAsync(job.OwnerId, job.JobId, "worker-1", default);
        _jobs.Time.Advance(TimeSpan.FromSeconds(42));

        var done = await _jobs.Queue.CompleteAsync(lease!, JobKeys.ResultKey(job.OwnerId, job.JobId), 10, default);

        var stored = await _jobs.Repository.GetAsync(job.OwnerId, job.JobId, default);
        Assert.Equal(claimedAt, stored!.StartedAt);
        Assert.Equal(TimeSpan.FromSeconds(42), JobView.From(stored).RunTime());
        Assert.Equal(done.FinishedAt, stored.FinishedAt);
    }

    [Fact]
    public async Task An_empty_queue_has_nothing_to_claim()
    {
        Assert.Null(await _jobs.Queue.TryClaimNextAsync("worker-1", default));
    }

    [Fact]
    public async Task The_next_claim_takes_the_job_that_has_waited_longest()
    {
        var oldest = await CreateJobAsync();
        _jobs.Time.Advance(TimeSpan.FromSeconds(1));
        await CreateJobAsync();

        var lease = await _jobs.Queue.TryClaimNextAsync("worker-1", default);

        Assert.Equal(oldest.JobId, lease?.Job.JobId);
        Assert.Equal(_jobs.Time.GetUtcNow() + TimeSpan.FromMinutes(1), lease!.ExpiresAt);
    }

    [Fact]
    public async Task A_held_lease_blocks_other_workers_until_it_expires()
    {
        var job = await CreateJobAsync();
        await _jobs.Queue.TryClaimAsync(job.OwnerId, job.JobId, "worker-1", default);

        _jobs.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Null(await _jobs.Queue.TryClaimNextAsync("worker-2", default));

        _jobs.Time.Advance(TimeSpan.FromSeconds(1));
        var reclaimed = await _jobs.Queue.TryClaimNextAsync("worker-2", default);
        Assert.Equal(job.JobId, reclaimed?.Job.JobId);
        Assert.Equal(2, reclaimed!.Job.Attempts);
    }

    [Fact]
    public async Task A_stale_worker_can_neither_heartbeat_nor_complete_after_its_job_is_reclaimed()
    {
        var job = await CreateJobAsync();
        var stale = (await _jobs.Queue.TryClaimAsync(job.OwnerId, job.JobId, "worker-1", default))!;
        _jobs.Time.Advance(TimeSpan.FromMinutes(2));
        var current = (await _jobs.Queue.TryClaimNextAsync("worker-2", default))!;

        await Assert.ThrowsAsync<JobLeaseLostException>(() => _jobs.Queue.HeartbeatAsync(stale, 10, default));
        await Assert.ThrowsAsync<JobLeaseLostException>(() => _jobs.Queue.CompleteAsync(stale, "results/x.csv", 10, default));
        await Assert.ThrowsAsync<JobLeaseLostException>(() => _jobs.Queue.FailAsync(stale, "boom", default));

        var stored = await _jobs.Repository.GetAsync(job.OwnerId, job.JobId, default);
        Assert.Equal(JobStatus.Running, stored!.Status);
        Assert.Equal(current.Token, stored.LeaseOwner);
        Assert.Null(stored.ResultKey);
    }

    [Fact]
    public async Task A_heartbeat_records_progress_and_extends_the_lease()
    {
        var job = await CreateJobAsync();
        var lease = (await _jobs.Queue.TryClaimAsync(job.OwnerId, job.JobId, "worker-1", default))!;
        _jobs.Time.Advance(TimeSpan.FromSeconds(50));

        var renewed = await _jobs.Queue.HeartbeatAsync(lease, 1234, default);
        _jobs.Time.Advance(TimeSpan.FromSeconds(50));

        Assert.Equal(1234, renewed.Job.RowsDone);
        Assert.Equal(lease.Token, renewed.Token);
        Assert.Equal(lease.ExpiresAt + TimeSpan.FromSeconds(50), renewed.ExpiresAt);
        Assert.Null(await _jobs.Queue.TryClaimNextAsync("worker-2", default));
    }

    [Fact]
    public async Task A_completed_job_is_succeeded_with_its_result_and_leaves_the_queue()
    {
        var job = await CreateJobAsync();
        var lease = (await _jobs.Queue.TryClaimAsync(job.OwnerId, job.JobId, "worker-1", default))!;

        var done = await _jobs.Queue.CompleteAsync(lease, JobKeys.ResultKey(job.OwnerId, job.JobId), 500, default);
        _jobs.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal($"results/{job.OwnerId}/{job.JobId}.csv", done.ResultKey);
        Assert.Equal(500, done.RowsDone);
        Assert.Equal(500, done.RowsTotal);
        Assert.Null(done.LeaseOwner);
        Assert.Null(done.DueAt);
        Assert.NotNull(done.FinishedAt);
        Assert.Null(await _jobs.Queue.TryClaimNextAsync("worker-2", default));
        await Assert.ThrowsAsync<JobLeaseLostException>(() => _jobs.Queue.CompleteAsync(lease, "again", 500, default));
    }

    [Fact]
    public async Task A_failed_attempt_waits_out_its_backoff_before_it_is_retried()
    {
        var job = await CreateJobAsync();
        var lease = (await _jobs.Queue.TryClaimAsync(job.OwnerId, job.JobId, "worker-1", default))!;

        var requeued = await _jobs.Queue.FailAsync(lease, "input unreadable", default);

        Assert.Equal(JobStatus.Queued, requeued.Status);
        Assert.Equal("Attempt 1 failed: input unreadable", requeued.LastError);
        Assert.Null(requeued.LeaseOwner);
        _jobs.Time.Advance(TimeSpan.FromSeconds(9));
        Assert.Null(await _jobs.Queue.TryClaimNextAsync("worker-2", default));
        _jobs.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await _jobs.Queue.TryClaimNextAsync("worker-2", default))?.Job.Attempts);
    }

    [Fact]
    public async Task A_poison_job_fails_for_good_after_the_last_attempt()
    {
        var job = await CreateJobAsync();

        Job? last = null;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var lease = await _jobs.Queue.TryClaimNextAsync("worker-1", default);
            Assert.Equal(attempt, lease?.Job.Attempts);
            last = await _jobs.Queue.FailAsync(lease!, "bad input", default);
            _jobs.Time.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(JobStatus.Failed, last!.Status);
        Assert.Equal("Failed after 3 attempts. Last error: bad input", last.LastError);
        Assert.Null(last.DueAt);
        Assert.Null(await _jobs.Queue.TryClaimNextAsync("worker-1", default));
        Assert.Equal(JobStatus.Failed, (await _jobs.Repository.GetAsync(job.OwnerId, job.JobId, default))!.Status);
    }

    [Fact]
    public async Task A_job_whose_workers_keep_crashing_fails_once_its_attempts_are_spent()
    {
        var job = await CreateJobAsync();
        for (var crash = 0; crash < 3; crash++)
        {
            Assert.NotNull(await _jobs.Queue.TryClaimNextAsync($"worker-{crash}", default));
            _jobs.Time.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Null(await _jobs.Queue.TryClaimNextAsync("worker-9", default));

        var stored = await _jobs.Repository.GetAsync(job.OwnerId, job.JobId, default);
        Assert.Equal(JobStatus.Failed, stored!.Status);
        Assert.Equal(3, stored.Attempts);
        Assert.StartsWith("Failed after 3 attempts: the worker stopped", stored.LastError);
    }

    [Fact]
    public async Task A_worker_whose_remembered_jobs_were_taken_looks_again_before_it_finds_the_queue_empty()
    {
        var first = await CreateJobAsync();
        _jobs.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await CreateJobAsync();
        var mine = WorkerQueue();
        var other = WorkerQueue();
        Assert.Equal(first.JobId, (await mine.TryClaimNextAsync("worker-1", default))?.Job.JobId);
        Assert.Equal(second.JobId, (await other.TryClaimNextAsync("worker-2", default))?.Job.JobId);
        _jobs.Time.Advance(TimeSpan.FromSeconds(1));
        var third = await CreateJobAsync();

        // The first worker's look found the second job too; the claim on it fails, and a new look finds the third.
        Assert.Equal(third.JobId, (await mine.TryClaimNextAsync("worker-1", default))?.Job.JobId);
        Assert.Null(await mine.TryClaimNextAsync("worker-1", default));
    }

    [Fact]
    public async Task After_the_oldest_a_worker_claims_what_its_look_found_in_random_order_so_workers_that_looked_together_spread()
    {
        var queued = new List<string>();
        for (var job = 0; job < 12; job++)
        {
            queued.Add((await CreateJobAsync()).JobId);
            _jobs.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var claimed = new List<string>();
        while (await _jobs.Queue.TryClaimNextAsync("worker-1", default) is { } lease)
        {
            claimed.Add(lease.Job.JobId);
        }

        Assert.Equal(queued[0], claimed[0]);
        Assert.Equal(queued, claimed.Order(StringComparer.Ordinal));
        // In due order only by a chance of 1 in 11!.
        Assert.NotEqual(queued, claimed);
    }

    /// <summary>The queue as another worker process has it: with its own memory of what it last found.</summary>
    private JobQueue WorkerQueue() => new(_jobs.DynamoDb, Options.Create(_jobs.Options), _jobs.Time);

    private async Task<Job> CreateJobAsync()
    {
        var submission = new JobSubmission { OwnerId = "alice", JobId = JobKeys.NewJobId("alice", null, _jobs.Time) };
        return (await _jobs.Repository.CreateAsync(submission, default)).Job;
    }
}
