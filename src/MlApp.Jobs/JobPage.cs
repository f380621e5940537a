namespace MlApp.Jobs;

/// <summary>One page of an owner's jobs, newest first; <see cref="NextPageToken"/> is null on the last page.</summary>
public sealed record JobPage(IReadOnlyList<Job> Jobs, string? NextPageToken);
