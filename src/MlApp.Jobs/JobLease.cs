namespace MlApp.Jobs;

/// <summary>A worker's claim on a job. Only the holder of <see cref="Token"/> may heartbeat, complete or fail it.</summary>
public sealed record JobLease(Job Job)
{
    public string Token => Job.LeaseOwner ?? throw new InvalidOperationException("A leased job has a lease owner.");

    public DateTimeOffset ExpiresAt => Job.LeaseExpiresAt ?? throw new InvalidOperationException("A leased job has a lease end.");
}
