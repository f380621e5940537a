using System.Net;
using System.Text;
using MlApp.Tests.Support;

namespace MlApp.Tests.Integration.Web;

/// <summary>
/// Per-owner limits on the endpoints that cost money. The predict calls send an empty object, which the schema check
/// refuses with a 400 before any Lambda call: the limit is checked first, so a 400 means "allowed" and 429 "limited".
/// </summary>
[Collection(AwsStandInsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int Burst = 3;
    private const int AddressFactor = 2;

    private WebTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await WebTestBed.CreateAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task An_owner_over_its_prediction_limit_gets_429_with_retry_after_and_a_problem()
    {
        var web = Start();
        using var alice = await OwnerAsync(web);

        for (var i = 0; i < Burst; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, await PredictAsync(alice, web));
        }

        using var limited = await alice.On(web).PostAsync("/api/predict", EmptyInput());
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var problem = await Visitor.ReadJsonAsync(limited);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("Too many predictions.", problem.GetProperty("title").GetString());
        // One token a minute: the next one is a minute away, give or take the time the test took.
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.InRange(retryAfter!.Value, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Another_owner_is_not_affected_when_one_owner_runs_out()
    {
        var web = Start();
        using var alice = await OwnerAsync(web);
        using var bob = await OwnerAsync(web);
        using var bot = Visitor.WithApiKey(WebTestBed.BotKey);

        for (var i = 0; i <= Burst; i++)
        {
            await PredictAsync(alice, web);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await PredictAsync(alice, web));
        Assert.Equal(HttpStatusCode.BadRequest, await PredictAsync(bob, web));
        Assert.Equal(HttpStatusCode.BadRequest, await PredictAsync(bot, web));
    }

    [Fact]
    public async Task A_client_that_mints_a_new_owner_for_every_request_still_runs_out()
    {
        var web = Start();
        var answers = new List<HttpStatusCode>();

        for (var i = 0; i <= Burst * AddressFactor; i++)
        {
            using var fresh = await OwnerAsync(web);
            answers.Add(await PredictAsync(fresh, web));
        }

        Assert.All(answers.Take(Burst * AddressFactor), status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
    }

    [Fact]
    public async Task A_key_owner_counts_only_against_its_own_allowance()
    {
        var web = Start();
        using var bot = Visitor.WithApiKey(WebTestBed.BotKey);
        using var cookieLess = new Visitor();

        for (var i = 0; i < Burst; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, await PredictAsync(bot, web));
        }

        // The bot's calls came from this address too, yet the address's whole allowance is still there.
        for (var i = 0; i < Burst * AddressFactor; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, await PredictAsync(cookieLess, web));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await PredictAsync(cookieLess, web));
    }

    [Fact]
    public async Task Job_submissions_have_a_limit_of_their_own()
    {
        var web = Start(("RateLimits:SubmissionBurst", "2"));
        using var alice = await OwnerAsync(web);
        for (var i = 0; i < Burst; i++)
        {
            await PredictAsync(alice, web);
        }

        await alice.SubmitJobAsync(web);
        await alice.SubmitJobAsync(web);
        using var third = await alice.SubmitAsync(web, EndToEnd.JobsApiTests.SampleCsv(2));

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("Too many job submissions.", (await Visitor.ReadJsonAsync(third)).GetProperty("title").GetString());
        Assert.NotNull(third.Headers.RetryAfter);
    }

    [Fact]
    public async Task Clients_behind_a_trusted_proxy_are_told_apart_by_their_forwarded_address()
    {
        // Loopback, where the test connects from, is among the default trusted networks, as the ALB's VPC addresses are.
        var web = Start();
        using var client = new Visitor();

        var first = await ExhaustAsync(client, web, forwardedFor: "203.0.113.1");
        var second = await PredictAsync(client, web, forwardedFor: "203.0.113.2");

        Assert.Equal(HttpStatusCode.TooManyRequests, first);
        Assert.Equal(HttpStatusCode.BadRequest, second);
    }

    [Fact]
    public async Task A_forwarded_address_from_an_untrusted_peer_is_ignored()
    {
        var web = Start(("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/8"));
        using var client = new Visitor();

        var first = await ExhaustAsync(client, web, forwardedFor: "203.0.113.1");
        var forged = await PredictAsync(client, web, forwardedFor: "203.0.113.2");

        Assert.Equal(HttpStatusCode.TooManyRequests, first);
        Assert.Equal(HttpStatusCode.TooManyRequests, forged);
    }

    private WebReplica Start(params (string, string?)[] overrides) => _bed.StartReplica(_bed.Settings(
    [
        ("RateLimits:PredictionBurst", Burst.ToString()),
        ("RateLimits:PredictionsPerMinute", "1"),
        ("RateLimits:AddressFactor", AddressFactor.ToString()),
        .. overrides,
    ]));

    /// <summary>A browser that has been given its owner cookie (listing jobs is not limited).</summary>
    private static async Task<Visitor> OwnerAsync(WebReplica web)
    {
        var visitor = Visitor.Browser();
        await visitor.ListJobIdsAsync(web);
        return visitor;
    }

    /// <summary>Predicts until refused (at most the address's allowance and one more) and returns the last answer.</summary>
    private static async Task<HttpStatusCode> ExhaustAsync(Visitor client, WebReplica web, string forwardedFor)
    {
        var status = HttpStatusCode.OK;
        for (var i = 0; i <= Burst * AddressFactor && status != HttpStatusCode.TooManyRequests; i++)
        {
            status = await PredictAsync(client, web, forwardedFor);
        }

        return status;
    }

    private static async Task<HttpStatusCode> PredictAsync(Visitor client, WebReplica web, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/predict") { Content = EmptyInput() };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await client.On(web).SendAsync(request);
        return response.StatusCode;
    }

    private static StringContent EmptyInput() => new("{}", Encoding.UTF8, "application/json");
}
