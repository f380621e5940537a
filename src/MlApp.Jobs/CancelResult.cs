namespace MlApp.Jobs;

/// <summary>What a cancel request found, and the job as it is now (null when not found).</summary>
public sealed record CancelResult(CancelOutcome Outcome, Job? Job);
