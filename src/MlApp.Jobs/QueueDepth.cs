namespace MlApp.Jobs;

/// <summary>Claimable jobs, and how long the one that has waited longest has been due.</summary>
public sealed record QueueDepth(int Due, TimeSpan OldestWait);
