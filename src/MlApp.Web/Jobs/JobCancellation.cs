using MlApp.Jobs;

namespace MlApp.Web.Jobs;

/// <summary>
/// The one cancel path, for the jobs page and <c>DELETE /api/jobs/{id}</c>: only a queued job of the caller's own is
/// cancelled; anything else gets the same status and words from both.
/// </summary>
public sealed class JobCancellation(JobRepository jobs)
{
    /// <param name="ownerId">The caller's owner, or null when it has none yet (so it can own no job).</param>
    public async Task<CancelAnswer> CancelAsync(string? ownerId, string jobId, CancellationToken cancellationToken)
    {
        if (!JobKeys.IsValidJobId(jobId))
        {
            return CancelAnswer.MalformedId;
        }

        var result = ownerId is null ? null : await jobs.CancelAsync(ownerId, jobId, cancellationToken);
        return result switch
        {
            { Outcome: CancelOutcome.Cancelled, Job: { } job } => new(StatusCodes.Status200OK, JobView.From(job), $"Job {jobId[..8]} is cancelled."),
            { Outcome: CancelOutcome.NotQueued, Job: { } job } => new(StatusCodes.Status409Conflict, JobView.From(job),
                "The job can no longer be cancelled.", $"The job is {job.Status.ToStored()}; only a QUEUED job can be cancelled."),
            _ => new(StatusCodes.Status404NotFound, null, "There is no such job among yours."),
        };
    }
}
