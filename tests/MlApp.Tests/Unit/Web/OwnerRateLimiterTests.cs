using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MlApp.Web.Limits;
using MlApp.Web.Owners;

namespace MlApp.Tests.Unit.Web;

/// <summary>The token buckets behind the 429s, on a clock the test moves.</summary>
[Trait("Category", "Unit")]
public sealed class OwnerRateLimiterTests
{
    private const string Address = "203.0.113.7";

    private readonly FakeTimeProvider _time = new();
    private readonly OwnerRateLimiter _limiter;

    public OwnerRateLimiterTests() => _limiter = new OwnerRateLimiter(
        Options.Create(new RateLimitOptions { PredictionsPerMinute = 60, PredictionBurst = 3, SubmissionsPerMinute = 6, SubmissionBurst = 1, AddressFactor = 2 }),
        _time);

    [Fact]
    public void An_owner_may_spend_its_burst_then_waits_exactly_until_the_next_token()
    {
        var owner = OwnerIds.NewAnonymous();

        var allowed = Enumerable.Range(0, 3).Select(_ => Acquire(LimitKind.Prediction, owner)).ToList();
        _time.Advance(TimeSpan.FromMilliseconds(400));
        var refused = Acquire(LimitKind.Prediction, owner);

        Assert.All(allowed, decision => Assert.True(decision.IsAllowed));
        Assert.False(refused.IsAllowed);
        Assert.Equal(TimeSpan.FromMilliseconds(600), refused.RetryAfter);
        Assert.Equal(1, refused.RetryAfterSeconds);
    }

    [Fact]
    public void Tokens_come_back_at_the_configured_rate_but_never_beyond_the_burst()
    {
        var owner = OwnerIds.ForApiKey("bot");
        for (var i = 0; i < 3; i++)
        {
            Acquire(LimitKind.Prediction, owner);
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(Acquire(LimitKind.Prediction, owner).IsAllowed);
        Assert.False(Acquire(LimitKind.Prediction, owner).IsAllowed);

        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(3, Enumerable.Range(0, 5).Count(_ => Acquire(LimitKind.Prediction, owner).IsAllowed));
    }

    [Fact]
    public void Predictions_and_submissions_are_counted_apart()
    {
        var owner = OwnerIds.ForApiKey("bot");

        Assert.True(Acquire(LimitKind.Submission, owner).IsAllowed);
        var secondSubmission = Acquire(LimitKind.Submission, owner);

        Assert.False(secondSubmission.IsAllowed);
        Assert.Equal(TimeSpan.FromSeconds(10), secondSubmission.RetryAfter);
        Assert.True(Acquire(LimitKind.Prediction, owner).IsAllowed);
    }

    [Fact]
    public void Anonymous_owners_on_one_address_share_its_larger_bucket()
    {
        // Each fresh owner has a full bucket of 3, but the address holds 2 × 3 between all of them.
        var answers = Enumerable.Range(0, 7).Select(_ => Acquire(LimitKind.Prediction, OwnerIds.NewAnonymous())).ToList();

        Assert.Equal(6, answers.Count(decision => decision.IsAllowed));
        Assert.False(answers[^1].IsAllowed);
        Assert.True(Acquire(LimitKind.Prediction, OwnerIds.NewAnonymous(), "203.0.113.8").IsAllowed);
    }

    [Fact]
    public void A_refusal_by_the_address_gives_the_owner_its_token_back()
    {
        for (var i = 0; i < 6; i++)
        {
            Acquire(LimitKind.Prediction, ownerId: null);
        }

        var owner = OwnerIds.NewAnonymous();
        Assert.False(Acquire(LimitKind.Prediction, owner).IsAllowed);

        // Elsewhere the same owner still has all three tokens: the refused request cost it none.
        Assert.Equal(3, Enumerable.Range(0, 4).Count(_ => Acquire(LimitKind.Prediction, owner, "198.51.100.1").IsAllowed));
    }

    [Fact]
    public void Key_owners_do_not_spend_from_their_address()
    {
        for (var i = 0; i < 3; i++)
        {
            Acquire(LimitKind.Prediction, OwnerIds.ForApiKey("bot"));
        }

        Assert.Equal(6, Enumerable.Range(0, 7).Count(_ => Acquire(LimitKind.Prediction, ownerId: null).IsAllowed));
    }

    [Fact]
    public void Buckets_that_have_filled_up_again_are_forgotten()
    {
        for (var i = 0; i < 50; i++)
        {
            Acquire(LimitKind.Prediction, OwnerIds.ForApiKey($"bot{i}"));
        }

        Assert.Equal(50, _limiter.TrackedPartitions(LimitKind.Prediction));
        _time.Advance(TimeSpan.FromMinutes(2));
        Acquire(LimitKind.Prediction, OwnerIds.ForApiKey("bot0"));

        Assert.Equal(1, _limiter.TrackedPartitions(LimitKind.Prediction));
    }

    private RateLimitDecision Acquire(LimitKind kind, string? ownerId, string address = Address) => _limiter.TryAcquire(kind, ownerId, address);
}
