using MlApp.Jobs;

namespace MlApp.Web.Jobs;

/// <summary>A job as the API shows it to its owner: status and progress, never storage keys or lease details.</summary>
public sealed record JobView(
    string Id,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long? RowsTotal,
    long RowsDone,
    double? Progress,
    int Attempts,
    string? LastError,
    DateTimeOffset? FinishedAt,
    string? ModelVersion,
    string? ResultUrl)
{
    public static JobView From(Job job) => new(
        job.JobId,
        job.Status.ToStored(),
        job.CreatedAt,
        job.UpdatedAt,
        job.RowsTotal,
        job.RowsDone,
        job.RowsTotal is > 0 and var total ? Math.Min(1.0, (double)job.RowsDone / total) : null,
        job.Attempts,
        job.LastError,
        job.FinishedAt,
        job.ModelVersion,
        job.Status == JobStatus.Succeeded ? $"/api/jobs/{job.JobId}/result" : null);
}

public sealed record JobListView(IReadOnlyList<JobView> Jobs, string? NextPageToken);
