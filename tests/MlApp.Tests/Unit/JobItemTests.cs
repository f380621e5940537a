using MlApp.Jobs;

namespace MlApp.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class JobItemTests
{
    [Fact]
    public void A_job_survives_the_trip_to_an_item_and_back()
    {
        var created = new DateTimeOffset(2026, 11, 28, 12, 30, 15, TimeSpan.Zero).AddTicks(1234567);
        var job = new Job
        {
            OwnerId = "alice",
            JobId = "0192f0c1a2b34c5d8e9fa0b1c2d3e4f5",
            Status = JobStatus.Queued,
            CreatedAt = created,
            UpdatedAt = created.AddSeconds(1),
            DueAt = DateTimeOffset.FromUnixTimeMilliseconds(created.ToUnixTimeMilliseconds() + 250),
            InputKey = "inputs/alice/0192f0c1a2b34c5d8e9fa0b1c2d3e4f5.csv",
            RowsTotal = 10_000_000_000,
            RowsDone = 0,
            TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            IdempotencyKey = "k",
            RequestFingerprint = "f",
            ModelVersion = "1.0.0",
        };

        var item = JobItem.ToItem(job, "Q#3");

        Assert.Equal(job, JobItem.FromItem(item));
        Assert.Equal("QUEUED", item[JobAttributes.Status].S);
        Assert.Equal("Q#3", item[JobAttributes.QueueShard].S);
        Assert.Equal("2026-11-28T12:30:15.1234567Z", item[JobAttributes.CreatedAt].S);
        Assert.Equal((created.ToUnixTimeMilliseconds() + 250).ToString(), item[JobAttributes.DueAt].N);
        Assert.False(item.ContainsKey(JobAttributes.LeaseOwner));
    }

    [Fact]
    public void Stored_times_sort_as_text_in_time_order()
    {
        var earlier = JobItem.Time(new DateTimeOffset(2026, 1, 9, 23, 59, 59, TimeSpan.Zero)).S;
        var later = JobItem.Time(new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.FromHours(-5))).S;

        Assert.True(string.CompareOrdinal(earlier, later) < 0);
        Assert.Equal("2026-01-10T05:00:00.0000000Z", later);
    }
}
