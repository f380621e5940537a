using System.Net;
using MlApp.Tests.Support;

namespace MlApp.Tests.Integration.Web;

/// <summary>Each owner (cookie or API key) sees only its own jobs; anyone else's is a 404, as if it didn't exist.</summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class OwnerIsolationTests(WebReplicaFixture fixture) : IClassFixture<WebReplicaFixture>
{
    private readonly WebReplica _web = fixture.Web;

    [Fact]
    public async Task Another_owner_gets_404_on_the_job_its_result_and_its_cancel()
    {
        using var alice = Visitor.Browser();
        using var mallory = Visitor.Browser();
        using var bot = Visitor.WithApiKey(WebTestBed.BotKey);
        var jobId = await alice.SubmitJobAsync(_web);

        foreach (var other in new[] { mallory, bot })
        {
            using var read = await other.On(_web).GetAsync($"/api/jobs/{jobId}");
            using var result = await other.On(_web).GetAsync($"/api/jobs/{jobId}/result");
            using var cancel = await other.On(_web).DeleteAsync($"/api/jobs/{jobId}");
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, result.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
            Assert.DoesNotContain(jobId, await other.ListJobIdsAsync(_web));
        }

        using var stillQueued = await alice.On(_web).GetAsync($"/api/jobs/{jobId}");
        Assert.Equal(HttpStatusCode.OK, stillQueued.StatusCode);
        Assert.Equal("QUEUED", (await Visitor.ReadJsonAsync(stillQueued)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_owner_gets_409_for_a_queued_job_s_result_and_can_cancel_it_once()
    {
        using var alice = Visitor.Browser();
        var jobId = await alice.SubmitJobAsync(_web);

        using var result = await alice.On(_web).GetAsync($"/api/jobs/{jobId}/result");
        using var cancel = await alice.On(_web).DeleteAsync($"/api/jobs/{jobId}");
        using var again = await alice.On(_web).DeleteAsync($"/api/jobs/{jobId}");

        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("CANCELLED", (await Visitor.ReadJsonAsync(cancel)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_key_owner_s_job_is_hidden_from_cookie_owners()
    {
        using var bot = Visitor.WithApiKey(WebTestBed.BotKey);
        using var alice = Visitor.Browser();
        var jobId = await bot.SubmitJobAsync(_web);

        using var read = await alice.On(_web).GetAsync($"/api/jobs/{jobId}");
        using var cancel = await alice.On(_web).DeleteAsync($"/api/jobs/{jobId}");
        using var own = await bot.On(_web).GetAsync($"/api/jobs/{jobId}");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }
}
