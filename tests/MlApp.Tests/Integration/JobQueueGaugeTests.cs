using MlApp.Jobs;
using MlApp.Tests.Support;

namespace MlApp.Tests.Integration;

/// <summary>The dispatcher's side of the queue: what waits, and for how long, read from the queue index.</summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class JobQueueGaugeTests : IAsyncLifetime
{
    private JobServices _jobs = null!;

    public async Task InitializeAsync() => _jobs = await JobServices.CreateAsync(new Dictionary<string, string?>
    {
        ["Jobs:LeaseDuration"] = "00:01:00",
    });

    public async Task DisposeAsync() => await _jobs.DisposeAsync();

    [Fact]
    public async Task The_queue_measures_its_claimable_jobs_and_how_long_the_oldest_has_waited()
    {
        Assert.Equal(new QueueDepth(0, TimeSpan.Zero), await _jobs.Gauge.MeasureAsync(default));
        await CreateJobAsync();
        _jobs.Time.Advance(TimeSpan.FromSeconds(20));
        var claimed = await CreateJobAsync();
        await _jobs.Queue.TryClaimAsync(claimed.OwnerId, claimed.JobId, "worker-1", default);
        await CreateJobAsync();
        _jobs.Time.Advance(TimeSpan.FromSeconds(10));

        var depth = await _jobs.Gauge.MeasureAsync(default);

        Assert.Equal(2, depth.Due);
        Assert.Equal(TimeSpan.FromSeconds(30), depth.OldestWait);
    }

    [Fact]
    public async Task A_job_whose_lease_lapsed_waits_again_from_the_end_of_its_lease()
    {
        var job = await CreateJobAsync();
        await _jobs.Queue.TryClaimAsync(job.OwnerId, job.JobId, "worker-1", default);
        Assert.Equal(new QueueDepth(0, TimeSpan.Zero), await _jobs.Gauge.MeasureAsync(default));

        _jobs.Time.Advance(TimeSpan.FromSeconds(75));

        Assert.Equal(new QueueDepth(1, TimeSpan.FromSeconds(15)), await _jobs.Gauge.MeasureAsync(default));
    }

    private async Task<Job> CreateJobAsync()
    {
        var submission = new JobSubmission { OwnerId = "alice", JobId = JobKeys.NewJobId("alice", null, _jobs.Time) };
        return (await _jobs.Repository.CreateAsync(submission, default)).Job;
    }
}
