using MlApp.Jobs;

namespace MlApp.BatchJob;

/// <summary>
/// The batch task's life: claim a job, run it, repeat; when nothing is claimable, stop the process so Fargate stops
/// billing (exit 0). On a stop request it claims nothing more, and the job in hand is given back to the queue.
/// </summary>
public sealed partial class QueueDrainer(
    JobQueue queue,
    JobRunner runner,
    IConfiguration configuration,
    IHostApplicationLifetime lifetime,
    ILogger<QueueDrainer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var counts = new Dictionary<JobOutcome, int>();
        try
        {
            var workerId = await WorkerIdentity.ResolveAsync(configuration[WorkerIdentity.MetadataVariable], handler: null, stoppingToken);
            LogStarted(workerId);
            while (!stoppingToken.IsCancellationRequested && await queue.TryClaimNextAsync(workerId, stoppingToken) is { } lease)
            {
                var outcome = await runner.RunAsync(lease, stoppingToken);
                counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
            }

            LogDone(stoppingToken.IsCancellationRequested ? "a stop was requested" : "nothing is left to claim", Summary(counts));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogDone("a stop was requested", Summary(counts));
        }
        catch (Exception e)
        {
            LogQueueUnreachable(e);
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private static string Summary(Dictionary<JobOutcome, int> counts) =>
        counts.Count == 0 ? "no jobs" : string.Join(", ", counts.Select(pair => $"{pair.Value} {pair.Key}"));

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch worker {WorkerId} started; claiming jobs")]
    private partial void LogStarted(string workerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch worker exits because {Reason}; jobs: {Summary}")]
    private partial void LogDone(string reason, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "The job queue could not be used; the task exits with code 1 so the failure is visible")]
    private partial void LogQueueUnreachable(Exception exception);
}
