namespace MlApp.Jobs;

/// <summary>A batch prediction job as stored: who owns it, where its files are, and how far it got.</summary>
public sealed record Job
{
    public required string OwnerId { get; init; }
    public required string JobId { get; init; }
    public required JobStatus Status { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required string InputKey { get; init; }
    public string? ResultKey { get; init; }
    public long? RowsTotal { get; init; }
    public long RowsDone { get; init; }

    /// <summary>Claims so far, including ones whose worker crashed.</summary>
    public int Attempts { get; init; }

    public string? LeaseOwner { get; init; }
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>When a queued job may run next, or when a running job's lease ends, to the millisecond; absent once terminal.</summary>
    public DateTimeOffset? DueAt { get; init; }

    public string? LastError { get; init; }
    public string? TraceParent { get; init; }
    public string? IdempotencyKey { get; init; }

    /// <summary>A hash of what was submitted, so a replayed idempotency key with a different body can be told apart.</summary>
    public string? RequestFingerprint { get; init; }

    public string? ModelVersion { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>When the latest attempt was claimed; null until a worker takes the job.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Where the model ran the job (<c>cpu</c> or <c>cuda</c>), as the worker that completed it says; null before.</summary>
    public string? Device { get; init; }
}
