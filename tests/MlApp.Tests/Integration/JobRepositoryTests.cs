using MlApp.Jobs;
using MlApp.Tests.Support;

namespace MlApp.Tests.Integration;

[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class JobRepositoryTests : IAsyncLifetime
{
    private JobServices _jobs = null!;

    public async Task InitializeAsync() => _jobs = await JobServices.CreateAsync();

    public async Task DisposeAsync() => await _jobs.DisposeAsync();

    [Fact]
    public async Task A_created_job_reads_back_with_every_field_it_was_given()
    {
        var submission = Submission("alice") with
        {
            RowsTotal = 42,
            TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            IdempotencyKey = "upload-1",
            RequestFingerprint = "sha256:abc",
            ModelVersion = "1.2.0",
        };

        var creation = await _jobs.Repository.CreateAsync(submission, default);
        var stored = await _jobs.Repository.GetAsync("alice", submission.JobId, default);

        Assert.True(creation.Created);
        Assert.Equal(creation.Job, stored);
        Assert.Equal(JobStatus.Queued, stored!.Status);
        Assert.Equal(_jobs.Time.GetUtcNow(), stored.CreatedAt);
        Assert.Equal($"inputs/alice/{submission.JobId}.csv", stored.InputKey);
        Assert.Equal(42, stored.RowsTotal);
        Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", stored.TraceParent);
        Assert.Equal("upload-1", stored.IdempotencyKey);
        Assert.Equal("sha256:abc", stored.RequestFingerprint);
        Assert.Equal("1.2.0", stored.ModelVersion);
        Assert.Equal(0, stored.Attempts);
    }

    [Fact]
    public async Task Creating_the_same_job_twice_keeps_the_first_and_reports_it_was_not_created()
    {
        var jobId = JobKeys.NewJobId("alice", "retry-me", _jobs.Time);
        var first = await _jobs.Repository.CreateAsync(Submission("alice", jobId) with { RequestFingerprint = "first" }, default);
        _jobs.Time.Advance(TimeSpan.FromSeconds(5));

        var replay = await _jobs.Repository.CreateAsync(Submission("alice", jobId) with { RequestFingerprint = "second" }, default);

        Assert.False(replay.Created);
        Assert.Equal(first.Job, replay.Job);
        Assert.Equal("first", replay.Job.RequestFingerprint);
        Assert.Single((await _jobs.Repository.ListAsync("alice", 10, null, default)).Jobs);
    }

    [Fact]
    public async Task Another_owner_cannot_read_list_or_cancel_a_job()
    {
        var job = (await _jobs.Repository.CreateAsync(Submission("alice"), default)).Job;

        Assert.Null(await _jobs.Repository.GetAsync("mallory", job.JobId, default));
        Assert.Empty((await _jobs.Repository.ListAsync("mallory", 10, null, default)).Jobs);
        Assert.Equal(CancelOutcome.NotFound, (await _jobs.Repository.CancelAsync("mallory", job.JobId, default)).Outcome);
        Assert.Equal(job, await _jobs.Repository.GetAsync("alice", job.JobId, default));
    }

    [Fact]
    public async Task Listing_pages_through_every_job_newest_first_without_repeats()
    {
        var created = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            created.Add((await _jobs.Repository.CreateAsync(Submission("alice"), default)).Job.JobId);
            _jobs.Time.Advance(TimeSpan.FromSeconds(1));
        }

        await _jobs.Repository.CreateAsync(Submission("bob"), default);

        var pages = new List<JobPage>();
        string? token = null;
        do
        {
            var page = await _jobs.Repository.ListAsync("alice", 10, token, default);
            pages.Add(page);
            token = page.NextPageToken;
        }
        while (token is not null && pages.Count < 10);

        Assert.Equal([10, 10, 5], pages.Select(page => page.Jobs.Count).Take(3));
        Assert.Equal(Enumerable.Reverse(created), pages.SelectMany(page => page.Jobs).Select(job => job.JobId));
    }

    [Fact]
    public async Task A_page_token_cannot_reach_into_another_owners_jobs()
    {
        for (var i = 0; i < 3; i++)
        {
            await _jobs.Repository.CreateAsync(Submission("alice"), default);
            _jobs.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var alicesToken = (await _jobs.Repository.ListAsync("alice", 1, null, default)).NextPageToken;

        Assert.NotNull(alicesToken);
        Assert.Empty((await _jobs.Repository.ListAsync("mallory", 10, alicesToken, default)).Jobs);
    }

    [Fact]
    public async Task A_forged_page_token_is_rejected_with_a_clear_message()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _jobs.Repository.ListAsync("alice", 10, "not-a-token", default));

        Assert.Equal("pageToken", error.ParamName);
        Assert.StartsWith("The page token is not one this service issued", error.Message);
    }

    [Fact]
    public async Task A_queued_job_cancels_and_is_then_never_claimed()
    {
        var job = (await _jobs.Repository.CreateAsync(Submission("alice"), default)).Job;

        var result = await _jobs.Repository.CancelAsync("alice", job.JobId, default);

        Assert.Equal(CancelOutcome.Cancelled, result.Outcome);
        Assert.Equal(JobStatus.Cancelled, result.Job!.Status);
        Assert.Null(result.Job.DueAt);
        Assert.Null(await _jobs.Queue.TryClaimAsync("alice", job.JobId, "worker-1", default));
        Assert.Null(await _jobs.Queue.TryClaimNextAsync("worker-1", default));
    }

    [Fact]
    public async Task A_running_job_cannot_be_cancelled()
    {
        var job = (await _jobs.Repository.CreateAsync(Submission("alice"), default)).Job;
        await _jobs.Queue.TryClaimAsync("alice", job.JobId, "worker-1", default);

        var result = await _jobs.Repository.CancelAsync("alice", job.JobId, default);

        Assert.Equal(CancelOutcome.NotQueued, result.Outcome);
        Assert.Equal(JobStatus.Running, result.Job!.Status);
    }

    private JobSubmission Submission(string ownerId, string? jobId = null) => new()
    {
        OwnerId = ownerId,
        JobId = jobId ?? JobKeys.NewJobId(ownerId, null, _jobs.Time),
    };
}
