namespace MlApp.Web.Limits;

/// <summary>The answer of <see cref="OwnerRateLimiter.TryAcquire"/>: go ahead, or wait <see cref="RetryAfter"/>.</summary>
public readonly record struct RateLimitDecision(bool IsAllowed, TimeSpan RetryAfter)
{
    public static RateLimitDecision Allowed { get; } = new(true, TimeSpan.Zero);

    /// <summary>Whole seconds for a Retry-After header or a message, at least 1.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));

    public static RateLimitDecision Wait(TimeSpan retryAfter) => new(false, retryAfter);
}
