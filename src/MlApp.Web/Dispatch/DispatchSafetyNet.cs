using Microsoft.Extensions.Options;
using MlApp.Jobs;
using MlApp.ServiceDefaults.Metrics;

namespace MlApp.Web.Dispatch;

/// <summary>
/// Re-dispatches when jobs wait with no task to run them: after a RunTask that failed, a task that crashed, or a task
/// that was already draining when a job arrived. Every web replica runs it; extra tasks just find nothing and exit.
/// </summary>
public sealed partial class DispatchSafetyNet(
    JobDispatcher dispatcher,
    JobQueueGauge gauge,
    EmbeddedMetricWriter metrics,
    IOptions<DispatchOptions> options,
    TimeProvider time,
    ILogger<DispatchSafetyNet> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SafetyNetInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // One read of the queue per tick: the figures the alarm watches are the ones the decision uses.
                var depth = await gauge.MeasureAsync(stoppingToken);
                PublishQueueDepth(depth);
                await dispatcher.DispatchAsync(depth, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; a failing dispatcher must not take the web down.
                LogFailed(e);
            }
        }
    }

    /// <summary>The figures behind the "stuck queue" alarm: every replica publishes them, the alarm takes the maximum.</summary>
    private void PublishQueueDepth(QueueDepth depth) =>
        metrics.Write(
            new MetricValue(MetricNames.QueuedJobs, depth.Due, "Count"),
            new MetricValue(MetricNames.OldestQueuedJobAge, Math.Round(depth.OldestWait.TotalSeconds, 1), "Seconds"));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dispatch safety net could not dispatch; it tries again at its next tick")]
    private partial void LogFailed(Exception exception);
}
