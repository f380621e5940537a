using System.ComponentModel.DataAnnotations;

namespace MlApp.Web.Limits;

/// <summary>
/// Per-owner token buckets; bound from <c>RateLimits</c>. Each web replica counts on its own, so behind the ALB an owner
/// gets up to N times these rates with N tasks (round robin spreads them evenly, so close to N times).
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    [Range(1, 1_000_000)]
    public int PredictionsPerMinute { get; set; } = 120;

    /// <summary>Predictions an idle owner may make at once before the per-minute rate applies.</summary>
    [Range(1, 1_000_000)]
    public int PredictionBurst { get; set; } = 30;

    [Range(1, 100_000)]
    public int SubmissionsPerMinute { get; set; } = 10;

    [Range(1, 100_000)]
    public int SubmissionBurst { get; set; } = 5;

    /// <summary>
    /// Anonymous owners cost nothing to make, so their requests also count against their client address, whose
    /// bucket holds this many owners' worth: a few people behind one NAT each keep their own pace, while a client that
    /// drops or mints cookies still runs out. Callers with no owner at all use only the address bucket.
    /// </summary>
    [Range(1, 1000)]
    public int AddressFactor { get; set; } = 4;

    public TokenBucketRule For(LimitKind kind) => kind switch
    {
        LimitKind.Prediction => new TokenBucketRule(PredictionsPerMinute, PredictionBurst),
        LimitKind.Submission => new TokenBucketRule(SubmissionsPerMinute, SubmissionBurst),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>A bucket that holds <paramref name="Burst"/> tokens and refills at <paramref name="PerMinute"/> a minute.</summary>
public readonly record struct TokenBucketRule(int PerMinute, int Burst)
{
    public TokenBucketRule Times(int factor) => new(PerMinute * factor, Burst * factor);
}
