namespace MlApp.Jobs;

/// <summary>The queue's time arithmetic: lease ends, retry backoff and retention. Pure, so it is tested with a fake clock.</summary>
public sealed class JobSchedule(JobsOptions options)
{
    public DateTimeOffset LeaseEnd(DateTimeOffset now) => now + options.LeaseDuration;

    /// <summary>Whether a job that has been claimed <paramref name="attempts"/> times may be claimed again.</summary>
    public bool MayRetry(int attempts) => attempts < options.MaxAttempts;

    /// <summary>Exponential backoff after the given attempt (1 = the first): base, 2 × base, 4 × base, ..., capped.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var exponent = Math.Min(attempts - 1, 30);
        var delay = options.RetryBaseDelay * Math.Pow(2, exponent);
        return delay < options.RetryMaxDelay ? delay : options.RetryMaxDelay;
    }

    public DateTimeOffset RetryAt(DateTimeOffset now, int attempts) => now + RetryDelay(attempts);

    public DateTimeOffset ExpiresAt(DateTimeOffset finishedAt) => finishedAt + options.FinishedJobRetention;
}
