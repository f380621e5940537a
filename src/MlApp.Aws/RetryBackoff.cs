namespace MlApp.Aws;

/// <summary>
/// Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): callers that were
/// throttled together don't come back together.
/// </summary>
public sealed class RetryBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Random random)
{
    /// <param name="retry">1 for the first retry.</param>
    /// <param name="retryAfter">A server's Retry-After, which wins when it is longer (still capped).</param>
    public TimeSpan DelayBefore(int retry, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30)));
        var jittered = TimeSpan.FromMilliseconds(random.NextDouble() * ceiling);
        return retryAfter is { } serverDelay && serverDelay > jittered
            ? (serverDelay < maxDelay ? serverDelay : maxDelay)
            : jittered;
    }
}
