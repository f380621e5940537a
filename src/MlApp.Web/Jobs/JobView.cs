using System.Text.Json.Serialization;
using MlApp.Jobs;

namespace MlApp.Web.Jobs;

/// <summary>
/// A job as the API shows it to its owner: status and progress, never storage keys or lease details. <c>device</c> is
/// where the model ran it (<c>cpu</c> or <c>cuda</c>), once it has succeeded.
/// </summary>
public sealed record JobView(
    string Id,
    [property: JsonConverter(typeof(StoredJobStatusConverter))] JobStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long? RowsTotal,
    long RowsDone,
    double? Progress,
    int Attempts,
    string? LastError,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? ModelVersion,
    string? Device,
    string? ResultUrl)
{
    public static JobView From(Job job) => new(
        job.JobId,
        job.Status,
        job.CreatedAt,
        job.UpdatedAt,
        job.RowsTotal,
        job.RowsDone,
        job.RowsTotal is > 0 and var total ? Math.Min(1.0, (double)job.RowsDone / total) : null,
        job.Attempts,
        job.LastError,
        job.StartedAt,
        job.FinishedAt,
        job.ModelVersion,
        job.Device,
        job.Status == JobStatus.Succeeded ? $"/api/jobs/{job.JobId}/result" : null);
}

public static class JobViewTimes
{
    /// <summary>How long the last attempt's task worked on the job, once it has finished.</summary>
    public static TimeSpan? RunTime(this JobView job) =>
        job is { StartedAt: { } started, FinishedAt: { } finished } && finished >= started ? finished - started : null;
}

public sealed record JobListView(IReadOnlyList<JobView> Jobs, string? NextPageToken);
