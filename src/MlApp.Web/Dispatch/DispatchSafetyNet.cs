using Microsoft.Extensions.Options;

namespace MlApp.Web.Dispatch;

/// <summary>
/// Re-dispatches when jobs wait with no task to run them: after a RunTask that failed, a task that crashed, or a task
/// that was already draining when a job arrived. Every web replica runs it; extra tasks just find nothing and exit.
/// </summary>
public sealed partial class DispatchSafetyNet(
    JobDispatcher dispatcher, IOptions<DispatchOptions> options, TimeProvider time, ILogger<DispatchSafetyNet> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SafetyNetInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await dispatcher.DispatchAsync(knownWaiting: 0, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; a failing dispatcher must not take the web down.
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dispatch safety net could not dispatch; it tries again at its next tick")]
    private partial void LogFailed(Exception exception);
}
