namespace MlApp.Jobs;

/// <summary>Where a job is in its life. Succeeded, Failed and Cancelled are terminal.</summary>
public enum JobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

public static class JobStatusExtensions
{
    public static bool IsTerminal(this JobStatus status) =>
        status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled;

    /// <summary>The stored form: upper case, as ARCHITECTURE.md and the console show it.</summary>
    public static string ToStored(this JobStatus status) => status.ToString().ToUpperInvariant();

    public static JobStatus ParseStored(string stored) => Enum.Parse<JobStatus>(stored, ignoreCase: true);
}
