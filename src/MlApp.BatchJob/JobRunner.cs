using System.Diagnostics;
using Amazon.Runtime;
using Microsoft.Extensions.Options;
using MlApp.Jobs;
using MlApp.Model;

namespace MlApp.BatchJob;

/// <summary>
/// Runs one claimed job to its end for this worker: stream the input through the model into the result object, then
/// (result first, so a success always has its file) mark it SUCCEEDED. A job-level problem is recorded with a reason a
/// person can read and retried with backoff; a lost lease stops the work at once with nothing written about the job;
/// a stop request gives the job back to the queue. Execution is at-least-once: a replay overwrites the same result key.
/// </summary>
public sealed partial class JobRunner(
    JobQueue queue,
    JobFiles files,
    IPredictor predictor,
    IOptions<BatchWorkerOptions> options,
    JobMetrics metrics,
    TimeProvider time,
    ILogger<JobRunner> logger)
{
    /// <summary>How long the last write about a job (complete, fail, release) may take once the worker has been told to stop.</summary>
    private static readonly TimeSpan FinalWriteTimeout = TimeSpan.FromSeconds(10);

    private readonly BatchWorkerOptions _options = options.Value;
    private readonly JobPipeline _pipeline = new(files, new CsvBatch(predictor, options));

    public async Task<JobOutcome> RunAsync(JobLease lease, CancellationToken stoppingToken)
    {
        var job = lease.Job;
        var resultKey = JobKeys.ResultKey(job.OwnerId, job.JobId);
        using var activity = BatchTelemetry.StartJob(job);
        // Every line about this job carries its ids, so one Logs Insights query tells the job's whole story.
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["JobId"] = job.JobId, ["OwnerId"] = job.OwnerId });
        var progress = new JobProgress(time);
        using var work = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        await using var heartbeat = JobHeartbeat.Start(queue, lease, progress, _options.HeartbeatInterval, time, work, logger);
        LogStarted(job.JobId, job.Attempts, job.RowsTotal);
        try
        {
            var rows = await _pipeline.RunAsync(job, resultKey, progress, work.Token);
            var held = await heartbeat.StopAsync();
            if (heartbeat.LeaseLost)
            {
                LogAbandonedLostLease(job.JobId, rows);
                return Finish(activity, JobOutcome.LeaseLost);
            }

            using var finalWrite = new CancellationTokenSource(FinalWriteTimeout);
            await queue.CompleteAsync(held, resultKey, rows, predictor.Device, finalWrite.Token);
            LogSucceeded(job.JobId, rows, progress.Elapsed.TotalSeconds, progress.RowsPerSecond, predictor.Device);
            activity?.SetTag("mlapp.job.rows", rows);
            return Finish(activity, JobOutcome.Succeeded, rows);
        }
        catch (Exception e) when (heartbeat.LeaseLost || e is JobLeaseLostException)
        {
            LogAbandonedLostLease(job.JobId, progress.RowsDone);
            return Finish(activity, JobOutcome.LeaseLost);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return Finish(activity, await ReleaseAsync(await heartbeat.StopAsync(), progress));
        }
        catch (Exception e)
        {
            var reason = Describe(e);
            activity?.AddException(e);
            return Finish(activity, await FailAsync(await heartbeat.StopAsync(), reason, e));
        }
    }

    /// <summary>The reason stored on the job, for its owner: what went wrong, in words, without a stack trace.</summary>
    internal static string Describe(Exception error) => error switch
    {
        JobInputException => error.Message,
        AmazonServiceException aws => $"The storage service refused a request ({aws.ErrorCode ?? aws.StatusCode.ToString()}): {aws.Message}",
        AmazonClientException => $"The storage service could not be reached: {error.Message}",
        _ => $"The worker failed ({error.GetType().Name}): {error.Message}",
    };

    private async Task<JobOutcome> FailAsync(JobLease lease, string reason, Exception error)
    {
        try
        {
            using var finalWrite = new CancellationTokenSource(FinalWriteTimeout);
            var failed = await queue.FailAsync(lease, reason, finalWrite.Token);
            var outcome = failed.Status == JobStatus.Failed ? JobOutcome.Failed : JobOutcome.Retrying;
            // A problem with the input is fully told by its reason; anything else gets its stack trace in the log.
            LogFailed(error is JobInputException ? null : error, lease.Job.JobId, lease.Job.Attempts, outcome, reason);
            return outcome;
        }
        catch (JobLeaseLostException)
        {
            LogAbandonedLostLease(lease.Job.JobId, 0);
            return JobOutcome.LeaseLost;
        }
    }

    private async Task<JobOutcome> ReleaseAsync(JobLease lease, JobProgress progress)
    {
        try
        {
            using var finalWrite = new CancellationTokenSource(FinalWriteTimeout);
            await queue.ReleaseAsync(lease, finalWrite.Token);
            LogReleased(lease.Job.JobId, progress.RowsDone);
        }
        catch (JobLeaseLostException)
        {
            LogAbandonedLostLease(lease.Job.JobId, progress.RowsDone);
            return JobOutcome.LeaseLost;
        }
        catch (Exception e)
        {
            // The lease lapses by itself; another task reclaims the job then.
            LogReleaseFailed(e, lease.Job.JobId, lease.ExpiresAt);
        }

        return JobOutcome.Released;
    }

    private JobOutcome Finish(Activity? activity, JobOutcome outcome, long rows = 0)
    {
        metrics.Record(outcome, rows);
        activity?.SetTag("mlapp.job.outcome", outcome.ToString());
        if (outcome is JobOutcome.Retrying or JobOutcome.Failed)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
        }

        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: started (attempt {Attempt}, {RowsTotal} rows)")]
    private partial void LogStarted(string jobId, int attempt, long? rowsTotal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: succeeded, {Rows} rows in {Seconds:F1} s, {RowsPerSecond:F0} rows/s on the {Device}")]
    private partial void LogSucceeded(string jobId, long rows, double seconds, double rowsPerSecond, string device);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: attempt {Attempt} failed, the job is now {Outcome}: {Reason}")]
    private partial void LogFailed(Exception? exception, string jobId, int attempt, JobOutcome outcome, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: another worker holds the job now; abandoned after {RowsDone} rows without writing its completion")]
    private partial void LogAbandonedLostLease(string jobId, long rowsDone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: stop requested; given back to the queue after {RowsDone} rows, for another task to redo")]
    private partial void LogReleased(string jobId, long rowsDone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: stop requested, and giving the job back failed; its lease lapses at {LeaseExpiresAt:o} and another task reclaims it then")]
    private partial void LogReleaseFailed(Exception exception, string jobId, DateTimeOffset leaseExpiresAt);
}
