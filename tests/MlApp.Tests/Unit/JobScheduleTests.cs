using Microsoft.Extensions.Time.Testing;
using MlApp.Jobs;

namespace MlApp.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class JobScheduleTests
{
    private readonly JobSchedule _schedule = new(new JobsOptions
    {
        LeaseDuration = TimeSpan.FromMinutes(2),
        MaxAttempts = 3,
        RetryBaseDelay = TimeSpan.FromSeconds(10),
        RetryMaxDelay = TimeSpan.FromSeconds(60),
        FinishedJobRetention = TimeSpan.FromDays(30),
    });

    [Fact]
    public void Retry_delay_doubles_with_each_attempt_up_to_the_cap()
    {
        var delays = Enumerable.Range(1, 6).Select(attempt => _schedule.RetryDelay(attempt).TotalSeconds);

        Assert.Equal([10, 20, 40, 60, 60, 60], delays);
    }

    [Fact]
    public void Retry_delay_stays_capped_for_absurd_attempt_counts()
    {
        Assert.Equal(TimeSpan.FromSeconds(60), _schedule.RetryDelay(int.MaxValue));
    }

    [Fact]
    public void Retry_delay_rejects_an_attempt_number_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _schedule.RetryDelay(0));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    public void Attempts_below_the_maximum_may_retry(int attempts, bool mayRetry)
    {
        Assert.Equal(mayRetry, _schedule.MayRetry(attempts));
    }

    [Fact]
    public void Lease_retry_and_expiry_times_follow_the_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        clock.Advance(TimeSpan.FromMinutes(7));
        var now = clock.GetUtcNow();

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 9, 0, TimeSpan.Zero), _schedule.LeaseEnd(now));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 7, 20, TimeSpan.Zero), _schedule.RetryAt(now, 2));
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 0, 7, 0, TimeSpan.Zero), _schedule.ExpiresAt(now));
    }
}
