using MlApp.Jobs;

namespace MlApp.BatchJob;

/// <summary>
/// Extends the lease and records progress every interval while a job runs, and logs the progress for people. When the
/// lease turns out to be lost (another worker took the job) it cancels the job's work at once. A heartbeat that fails
/// for another reason is retried at the next tick: the lease lasts several intervals.
/// </summary>
internal sealed partial class JobHeartbeat : IAsyncDisposable
{
    private readonly JobQueue _queue;
    private readonly JobProgress _progress;
    private readonly CancellationTokenSource _work;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly PeriodicTimer _timer;
    private Task _loop = Task.CompletedTask;
    private volatile JobLease _lease;
    private volatile bool _leaseLost;

    private JobHeartbeat(JobQueue queue, JobLease lease, JobProgress progress, TimeSpan interval, TimeProvider time,
        CancellationTokenSource work, ILogger logger)
    {
        _timer = new PeriodicTimer(interval, time);
        _queue = queue;
        _lease = lease;
        _progress = progress;
        _work = work;
        _logger = logger;
    }

    /// <summary>The latest lease: the job as the last heartbeat stored it.</summary>
    public JobLease Lease => _lease;

    public bool LeaseLost => _leaseLost;

    /// <param name="work">Cancelled when the lease is lost.</param>
    public static JobHeartbeat Start(JobQueue queue, JobLease lease, JobProgress progress, TimeSpan interval, TimeProvider time,
        CancellationTokenSource work, ILogger logger)
    {
        var heartbeat = new JobHeartbeat(queue, lease, progress, interval, time, work, logger);
        heartbeat._loop = heartbeat.RunAsync();
        return heartbeat;
    }

    /// <summary>Stops the beats (one in flight is cancelled) and returns the latest lease.</summary>
    public async Task<JobLease> StopAsync()
    {
        // Disposing the timer ends the wait for the next tick with false rather than an exception: a job ends this way
        // every time, and a cancelled wait cost a thrown OperationCanceledException with its stack trace, per job.
        _timer.Dispose();
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _loop;
        return _lease;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        // Off the caller's thread at once, so starting the heartbeat never delays the job.
        await Task.Yield();
        try
        {
            while (await _timer.WaitForNextTickAsync())
            {
                await BeatAsync();
                if (_leaseLost)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped while a beat was in flight: the job is finishing, failing or being given back.
        }
    }

    private async Task BeatAsync()
    {
        var job = _lease.Job;
        try
        {
            _lease = await _queue.HeartbeatAsync(_lease, _progress.RowsDone, _stop.Token);
            LogProgress(job.JobId, _progress.RowsDone, job.RowsTotal, _progress.RowsPerSecond);
        }
        catch (JobLeaseLostException)
        {
            _leaseLost = true;
            LogLeaseLost(job.JobId);
            await _work.CancelAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogHeartbeatFailed(e, job.JobId, _lease.ExpiresAt);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: {RowsDone} of {RowsTotal} rows done, {RowsPerSecond:F0} rows/s")]
    private partial void LogProgress(string jobId, long rowsDone, long? rowsTotal, double rowsPerSecond);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: the lease is lost (another worker has the job); stopping work on it now")]
    private partial void LogLeaseLost(string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: the heartbeat failed; retrying at the next one (the lease runs until {LeaseExpiresAt:o})")]
    private partial void LogHeartbeatFailed(Exception exception, string jobId, DateTimeOffset leaseExpiresAt);
}
