namespace MlApp.Jobs;

/// <summary>The job as stored after a create, and whether this call created it or found it from an earlier one.</summary>
public sealed record JobCreation(Job Job, bool Created);
