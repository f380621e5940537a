namespace MlApp.Jobs;

/// <summary>The worker no longer holds the job (its lease expired and another worker took it, or it was finished): stop working on it.</summary>
public sealed class JobLeaseLostException(string jobId)
    : Exception($"The lease on job {jobId} is no longer held by this worker; another worker may have reclaimed it.");
