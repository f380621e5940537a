using MlApp.Jobs;

namespace MlApp.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class JobPageTokenTests
{
    [Fact]
    public void A_token_restores_the_position_for_the_callers_own_partition()
    {
        var lastKey = JobItem.Key("alice", "0192f0c1a2b34c5d8e9fa0b1c2d3e4f5");
        lastKey[JobAttributes.CreatedAt] = JobItem.S("2026-11-28T12:00:00.0000000Z");

        var token = JobPageToken.From(lastKey)!;
        var startKey = JobPageToken.ToStartKey("bob", token)!;

        Assert.DoesNotContain("alice", token);
        Assert.Equal("OWNER#bob", startKey[JobAttributes.PartitionKey].S);
        Assert.Equal("JOB#0192f0c1a2b34c5d8e9fa0b1c2d3e4f5", startKey[JobAttributes.SortKey].S);
        Assert.Equal("2026-11-28T12:00:00.0000000Z", startKey[JobAttributes.CreatedAt].S);
    }

    [Fact]
    public void The_last_page_has_no_token()
    {
        Assert.Null(JobPageToken.From(null));
        Assert.Null(JobPageToken.From([]));
        Assert.Null(JobPageToken.ToStartKey("alice", null));
    }

    [Theory]
    [InlineData("%%%")]
    [InlineData("aGVsbG8")]
    [InlineData("MjAyNi0xMS0yOFQxMjowMDowMC4wMDAwMDAwWgouLi9ldGM")]
    public void Tokens_this_service_did_not_issue_are_rejected(string token)
    {
        var error = Assert.Throws<ArgumentException>(() => JobPageToken.ToStartKey("alice", token));

        Assert.Equal("pageToken", error.ParamName);
    }
}
