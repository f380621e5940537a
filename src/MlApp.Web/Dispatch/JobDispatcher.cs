using Microsoft.Extensions.Options;
using MlApp.Jobs;
using MlApp.Aws.Ecs;

namespace MlApp.Web.Dispatch;

/// <summary>
/// Starts batch tasks (ECS RunTask) for the jobs that wait: the count follows the queue's depth and stays under the cap
/// once the running tasks are counted. Several web replicas may decide at once; a task too many finds nothing and exits.
/// </summary>
public sealed partial class JobDispatcher(JobQueueGauge gauge, EcsClient ecs, IOptions<BatchOptions> options, ILogger<JobDispatcher> logger)
{
    private readonly BatchOptions _options = options.Value;
    private readonly SemaphoreSlim _oneDecisionAtATime = new(1, 1);

    /// <summary>1 when a job was queued after the last decision began: someone must decide once more.</summary>
    private int _newJobWaiting;

    /// <summary>Decides on a depth the caller has just measured (the safety net, which also publishes it), so the queue is read once.</summary>
    /// <returns>The number of tasks started.</returns>
    public async Task<int> DispatchAsync(QueueDepth measured, CancellationToken cancellationToken)
    {
        await _oneDecisionAtATime.WaitAsync(cancellationToken);
        int started;
        try
        {
            started = await DecideAsync(measured.Due, cancellationToken);
        }
        finally
        {
            _oneDecisionAtATime.Release();
        }

        // Submissions that arrived while this decision was being made left it to whoever held the lock.
        await DecideForNewJobsAsync(cancellationToken);
        return started;
    }

    /// <summary>
    /// Starts a task for a job just queued. The job is already safely stored, so a failed RunTask only delays it: the
    /// dispatch safety net tries again, and the submitter still hears that the job is queued.
    /// </summary>
    public async Task DispatchForNewJobAsync(string jobId, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _newJobWaiting, 1);
        try
        {
            await DecideForNewJobsAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogDispatchDeferred(e, jobId);
        }
    }

    /// <summary>
    /// Decides once for every job queued since the last decision began, unless a decision is being made right now: its
    /// maker then decides once more when done. So submissions never queue behind one another's decisions (which took
    /// seconds at 1,000 concurrent users), and every queued job is still followed by a decision that has seen it.
    /// </summary>
    private async Task DecideForNewJobsAsync(CancellationToken cancellationToken)
    {
        // The flag is set before the lock is tried, and checked again after it is released: one of the two sees the other.
        while (Volatile.Read(ref _newJobWaiting) == 1 && _oneDecisionAtATime.Wait(0, CancellationToken.None))
        {
            try
            {
                Interlocked.Exchange(ref _newJobWaiting, 0);
                await DecideAsync(await WaitingWithNewJobAsync(cancellationToken), cancellationToken);
            }
            finally
            {
                _oneDecisionAtATime.Release();
            }
        }
    }

    /// <summary>The queue index is eventually consistent and may not show a job written a moment ago: it counts anyway.</summary>
    private async Task<int> WaitingWithNewJobAsync(CancellationToken cancellationToken) =>
        Math.Max(1, (await gauge.MeasureAsync(cancellationToken)).Due);

    private async Task<int> DecideAsync(int waiting, CancellationToken cancellationToken)
    {
        if (waiting == 0)
        {
            return 0;
        }

        var running = (await ecs.ListRunningTasksAsync(cancellationToken)).Count;
        var count = Math.Min(
            DispatchPlan.TasksToStart(waiting, running, _options.JobsPerTask, _options.MaxConcurrentTasks),
            EcsClient.MaxTasksPerRunTask);
        if (count == 0)
        {
            LogAtCap(waiting, running);
            return 0;
        }

        var response = await ecs.RunTaskAsync(count, clientToken: null, overrides: null, cancellationToken);
        foreach (var failure in response.Failures)
        {
            LogRunTaskFailure(failure.Reason ?? "unknown", failure.Detail ?? "", failure.Arn ?? "");
        }

        LogStarted(response.Tasks.Count, count, waiting, running);
        return response.Tasks.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} is queued, but dispatching a task failed; the safety net will retry")]
    private partial void LogDispatchDeferred(Exception exception, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started {Started} of {Asked} batch tasks for {Waiting} waiting jobs ({Running} were running)")]
    private partial void LogStarted(int started, int asked, int waiting, int running);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Waiting} jobs wait and {Running} batch tasks run: at the cap, none started")]
    private partial void LogAtCap(int waiting, int running);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RunTask could not start a task: {Reason} {Detail} {Arn}")]
    private partial void LogRunTaskFailure(string reason, string detail, string arn);
}
