using Microsoft.Extensions.Time.Testing;
using MlApp.Jobs;

namespace MlApp.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class JobKeysTests
{
    private const string JobId = "0192f0c1a2b34c5d8e9fa0b1c2d3e4f5";

    [Fact]
    public void Keys_name_the_owner_and_the_job()
    {
        Assert.Equal("OWNER#alice", JobKeys.PartitionKey("alice"));
        Assert.Equal($"JOB#{JobId}", JobKeys.SortKey(JobId));
        Assert.Equal($"inputs/alice/{JobId}.csv", JobKeys.InputKey("alice", JobId));
        Assert.Equal($"results/alice/{JobId}.csv", JobKeys.ResultKey("alice", JobId));
        Assert.Equal("alice", JobKeys.OwnerIdFrom(JobKeys.PartitionKey("alice")));
        Assert.Equal(JobId, JobKeys.JobIdFrom(JobKeys.SortKey(JobId)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../etc")]
    [InlineData("alice/bob")]
    [InlineData("alice#1")]
    [InlineData("ünïcode")]
    [InlineData("a-name-that-is-far-too-long-to-be-an-owner-id-because-it-goes-on-and-on")]
    public void Owner_ids_that_could_escape_a_key_are_refused(string ownerId)
    {
        Assert.False(JobKeys.IsValidOwnerId(ownerId));
        var error = Assert.Throws<ArgumentException>(() => JobKeys.InputKey(ownerId, JobId));
        Assert.StartsWith("An owner id is 1 to 64 letters, digits, '-' or '_'.", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0192F0C1A2B34C5D8E9FA0B1C2D3E4F5")]
    [InlineData("0192f0c1-a2b3-4c5d-8e9f-a0b1c2d3e4f5")]
    [InlineData("0192f0c1a2b34c5d8e9fa0b1c2d3e4f")]
    [InlineData("../../results/bob/0192f0c1a2b34c5d")]
    public void Job_ids_in_any_other_format_are_refused(string jobId)
    {
        Assert.False(JobKeys.IsValidJobId(jobId));
        Assert.Throws<ArgumentException>(() => JobKeys.ResultKey("alice", jobId));
    }

    [Fact]
    public void New_job_ids_without_an_idempotency_key_sort_by_creation_time()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(JobKeys.NewJobId("alice", null, clock));
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.All(ids, id => Assert.True(JobKeys.IsValidJobId(id), id));
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(20, ids.Distinct().Count());
    }

    [Fact]
    public void An_idempotency_key_names_the_same_job_every_time_but_only_for_its_owner()
    {
        var clock = new FakeTimeProvider();
        var first = JobKeys.NewJobId("alice", "upload-7", clock);
        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(first, JobKeys.NewJobId("alice", "upload-7", clock));
        Assert.NotEqual(first, JobKeys.NewJobId("alice", "upload-8", clock));
        Assert.NotEqual(first, JobKeys.NewJobId("bob", "upload-7", clock));
        Assert.True(JobKeys.IsValidJobId(first));
    }

    [Fact]
    public void Queue_shards_are_stable_and_cover_every_shard()
    {
        var clock = new FakeTimeProvider();
        var shards = Enumerable.Range(0, 400).Select(i => JobKeys.QueueShard(JobKeys.NewJobId("alice", $"k{i}", clock), 4)).ToList();

        Assert.Equal("Q#1", JobKeys.QueueShard(JobId, 4));
        Assert.Equal(JobKeys.QueueShard(JobId, 4), JobKeys.QueueShard(JobId, 4));
        Assert.Equal(JobKeys.AllQueueShards(4).Order(), shards.Distinct().Order());
        Assert.All(shards.CountBy(shard => shard), count => Assert.InRange(count.Value, 60, 140));
    }
}
