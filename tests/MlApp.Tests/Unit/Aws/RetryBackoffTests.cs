using MlApp.Aws;

namespace MlApp.Tests.Unit.Aws;

[Trait("Category", "Unit")]
public sealed class RetryBackoffTests
{
    [Fact]
    public void Delays_are_jittered_below_a_ceiling_that_doubles_up_to_the_cap()
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(1000), new Random(7));

        for (var retry = 1; retry <= 8; retry++)
        {
            var ceiling = Math.Min(1000, 100 * Math.Pow(2, retry - 1));
            var delays = Enumerable.Range(0, 200).Select(_ => backoff.DelayBefore(retry).TotalMilliseconds).ToList();

            Assert.All(delays, delay => Assert.InRange(delay, 0, ceiling));
            Assert.True(delays.Max() > ceiling * 0.8, $"retry {retry}: jitter should spread up to the ceiling");
            Assert.True(delays.Distinct().Count() > 100, $"retry {retry}: delays should differ");
        }
    }

    [Fact]
    public void A_longer_retry_after_from_the_server_wins_but_stays_capped()
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(2), new Random(7));

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.DelayBefore(1, TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(2), backoff.DelayBefore(1, TimeSpan.FromSeconds(30)));
    }
}
