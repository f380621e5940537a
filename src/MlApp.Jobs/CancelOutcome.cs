namespace MlApp.Jobs;

/// <summary>What a cancel request found.</summary>
public enum CancelOutcome
{
    Cancelled,
    NotFound,

    /// <summary>The job exists but is no longer queued: it runs or has finished.</summary>
    NotQueued,
}
