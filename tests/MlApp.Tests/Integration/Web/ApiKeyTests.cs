using System.Net;
using MlApp.Tests.Support;
using MlApp.Web.Owners;

namespace MlApp.Tests.Integration.Web;

/// <summary>An API key makes the caller its owner; a wrong key is refused, never quietly turned into an anonymous owner.</summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ApiKeyTests(WebReplicaFixture fixture) : IClassFixture<WebReplicaFixture>
{
    private readonly WebTestBed _bed = fixture.Bed;
    private readonly WebReplica _web = fixture.Web;

    [Fact]
    public async Task A_valid_key_makes_the_caller_the_key_s_owner_without_a_cookie()
    {
        using var bot = Visitor.WithApiKey(WebTestBed.BotKey);
        using var sameKeyElsewhere = Visitor.WithApiKey(WebTestBed.BotKey);

        using var submit = await bot.SubmitAsync(_web, EndToEnd.JobsApiTests.SampleCsv(2));
        var jobId = (await Visitor.ReadJsonAsync(submit)).GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.Created, submit.StatusCode);
        Assert.False(submit.Headers.Contains("Set-Cookie"));
        Assert.Contains(jobId, await sameKeyElsewhere.ListJobIdsAsync(_web));
        var stored = await _bed.Jobs.Repository.GetAsync(OwnerIds.ForApiKey("bot"), jobId, CancellationToken.None);
        Assert.NotNull(stored);
    }

    [Theory]
    [InlineData("bot-key-0123456789abcdefghijklmnopqrstuX")]
    [InlineData("short")]
    [InlineData(" ")]
    public async Task A_wrong_key_is_a_401_problem_and_never_an_anonymous_owner(string wrongKey)
    {
        using var caller = new Visitor(new CookieContainer(), wrongKey);

        using var list = await caller.On(_web).GetAsync("/api/jobs");
        using var submit = await caller.SubmitAsync(_web, EndToEnd.JobsApiTests.SampleCsv(2));

        foreach (var response in new[] { list, submit })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(401, (await Visitor.ReadJsonAsync(response)).GetProperty("status").GetInt32());
            Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString());
        }

        Assert.Null(caller.Cookie(_web, OwnerIdentity.CookieName));
    }

    [Fact]
    public async Task Without_a_key_the_caller_is_an_anonymous_owner_with_a_cookie()
    {
        using var visitor = Visitor.Browser();

        var jobId = await visitor.SubmitJobAsync(_web);

        var ownerCookie = visitor.Cookie(_web, OwnerIdentity.CookieName);
        Assert.NotNull(ownerCookie);
        Assert.Contains(jobId, await visitor.ListJobIdsAsync(_web));
    }

    [Fact]
    public async Task A_key_wins_over_an_owner_cookie_sent_with_it()
    {
        using var visitor = Visitor.Browser();
        var cookieJob = await visitor.SubmitJobAsync(_web);
        using var keyClient = new Visitor(visitor.Cookies, WebTestBed.BotKey);

        var keyJob = await keyClient.SubmitJobAsync(_web);
        var seenWithKey = await keyClient.ListJobIdsAsync(_web);

        Assert.Contains(keyJob, seenWithKey);
        Assert.DoesNotContain(cookieJob, seenWithKey);
        Assert.DoesNotContain(keyJob, await visitor.ListJobIdsAsync(_web));
    }
}
