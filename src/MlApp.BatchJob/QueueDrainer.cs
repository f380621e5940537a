using MlApp.Jobs;

namespace MlApp.BatchJob;

/// <summary>
/// The batch task's life: look at the queue, work while there is work, then stop the process so Fargate stops billing.
/// Until the batch runner lands (issue 5) it reports what waits and exits.
/// </summary>
public sealed partial class QueueDrainer(JobQueue queue, IHostApplicationLifetime lifetime, ILogger<QueueDrainer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var waiting = await queue.CountDueAsync(stoppingToken);
            LogQueueDepth(waiting);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogQueueUnreachable(e);
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Waiting} jobs are due; nothing is left for this task, so it exits")]
    private partial void LogQueueDepth(int waiting);

    [LoggerMessage(Level = LogLevel.Error, Message = "The job queue could not be read; the task exits with code 1 so the failure is visible")]
    private partial void LogQueueUnreachable(Exception exception);
}
