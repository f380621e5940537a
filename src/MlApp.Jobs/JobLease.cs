namespace MlApp.Jobs;

/// <summary>The job as stored after a create, and whether this call created it or found it from an earlier one.</summary>
public sealed record JobCreation(Job Job, bool Created);

/// <summary>One page of an owner's jobs, newest first; <see cref="NextPageToken"/> is null on the last page.</summary>
public sealed record JobPage(IReadOnlyList<Job> Jobs, string? NextPageToken);

public enum CancelOutcome
{
    Cancelled,
    NotFound,

    /// <summary>The job exists but is no longer queued: it runs or has finished.</summary>
    NotQueued,
}

public sealed record CancelResult(CancelOutcome Outcome, Job? Job);

/// <summary>A worker's claim on a job. Only the holder of <see cref="Token"/> may heartbeat, complete or fail it.</summary>
public sealed record JobLease(Job Job)
{
    public string Token => Job.LeaseOwner ?? throw new InvalidOperationException("A leased job has a lease owner.");

    public DateTimeOffset ExpiresAt => Job.LeaseExpiresAt ?? throw new InvalidOperationException("A leased job has a lease end.");
}

/// <summary>The worker no longer holds the job (its lease expired and another worker took it, or it was finished): stop working on it.</summary>
public sealed class JobLeaseLostException(string jobId)
    : Exception($"The lease on job {jobId} is no longer held by this worker; another worker may have reclaimed it.");
