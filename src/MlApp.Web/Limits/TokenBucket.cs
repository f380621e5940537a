namespace MlApp.Web.Limits;

/// <summary>
/// One partition's tokens, refilled lazily from the elapsed time whenever it is asked, so there is no timer per bucket
/// and the wait until the next token is exact. Time comes from <see cref="TimeProvider"/>, so tests move it.
/// </summary>
internal sealed class TokenBucket(TokenBucketRule rule, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly double _perSecond = rule.PerMinute / 60.0;
    private double _tokens = rule.Burst;
    private long _updated = time.GetTimestamp();

    /// <returns>Zero when a token was taken; otherwise how long until one will be there.</returns>
    public TimeSpan TryTake()
    {
        lock (_lock)
        {
            Refill();
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return TimeSpan.Zero;
            }

            return TimeSpan.FromSeconds((1 - _tokens) / _perSecond);
        }
    }

    /// <summary>Gives back a token taken for a request that another bucket then refused.</summary>
    public void Return()
    {
        lock (_lock)
        {
            _tokens = Math.Min(rule.Burst, _tokens + 1);
        }
    }

    /// <summary>A full bucket is the same as no bucket, so it can be forgotten.</summary>
    public bool IsFull()
    {
        lock (_lock)
        {
            Refill();
            return _tokens >= rule.Burst;
        }
    }

    private void Refill()
    {
        var now = time.GetTimestamp();
        _tokens = Math.Min(rule.Burst, _tokens + time.GetElapsedTime(_updated, now).TotalSeconds * _perSecond);
        _updated = now;
    }
}
