using System.ComponentModel.DataAnnotations;
using MlApp.ServiceDefaults.Configuration;

namespace MlApp.Jobs;

/// <summary>Where jobs live and how the queue behaves; bound from the <c>Jobs</c> section (env <c>Jobs__TableName</c>, ...).</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    [Required(AllowEmptyStrings = false)]
    public string TableName { get; set; } = "";

    [Required(AllowEmptyStrings = false)]
    public string BucketName { get; set; } = "";

    /// <summary>Shards of the queue index, so that no single index partition takes every enqueue.</summary>
    [Range(1, 64)]
    public int QueueShards { get; set; } = 4;

    /// <summary>How long a claim lasts without a heartbeat; a crashed worker's job is reclaimable after this.</summary>
    [TimeSpanRange("00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Claims a job may have before it is failed for good (a worker crash counts, so a poison job ends).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    [TimeSpanRange("00:00:00", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    [TimeSpanRange("00:00:00", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long one DynamoDB request may go unanswered before the SDK abandons it (and retries). DynamoDB answers in
    /// milliseconds, so a request open this long means it is not answering: a claim or heartbeat must then fail clearly
    /// instead of hanging while the lease runs out.
    /// </summary>
    [TimeSpanRange("00:00:00.100", "00:05:00")]
    public TimeSpan DynamoDbTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long one S3 request (an upload part is 8 MiB at most) may take, and how long a download may go without a byte,
    /// before it fails: a stalled transfer must end the attempt, not hold the job and its lease forever.
    /// </summary>
    [TimeSpanRange("00:00:01", "00:30:00")]
    public TimeSpan S3Timeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long finished jobs are kept before DynamoDB's TTL removes them.</summary>
    [TimeSpanRange("01:00:00", "3650.00:00:00")]
    public TimeSpan FinishedJobRetention { get; set; } = TimeSpan.FromDays(30);
}
