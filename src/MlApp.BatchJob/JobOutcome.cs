namespace MlApp.BatchJob;

/// <summary>How one attempt at a job ended for this worker.</summary>
public enum JobOutcome
{
    /// <summary>The result is stored and the job is SUCCEEDED.</summary>
    Succeeded,

    /// <summary>A job-level failure; the job waits for a retry after its backoff.</summary>
    Retrying,

    /// <summary>A job-level failure on the last attempt; the job is FAILED with the reason.</summary>
    Failed,

    /// <summary>Another worker holds the job now; this one stopped working on it and wrote nothing about it.</summary>
    LeaseLost,

    /// <summary>The worker was told to stop; the job went back to the queue for another worker.</summary>
    Released,
}
