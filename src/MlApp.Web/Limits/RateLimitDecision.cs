namespace MlApp.Web.Limits;

/// <summary>The answer of <see cref="OwnerRateLimiter.TryAcquire"/>: go ahead, or wait <see cref="RetryAfter"/>.</summary>
public readonly record struct RateLimitDecision(bool IsAllowed, TimeSpan RetryAfter)
{
    public static RateLimitDecision Allowed { get; } = new(true, TimeSpan.Zero);

    /// <summary>Whole seconds for a Retry-After header or a message, at least 1.</summary>
    public int RetryAfterSeconds => MlApp.Web.RetryAfter.Seconds(RetryAfter);

    public static RateLimitDecision Wait(TimeSpan retryAfter) => new(false, retryAfter);
}
