namespace MlApp.Web.Dispatch;

/// <summary>How many batch tasks to start: enough for the waiting jobs, never more than the cap allows.</summary>
public static class DispatchPlan
{
    /// <returns><c>min(ceil(waiting / jobsPerTask), maxConcurrentTasks − running)</c>, never below 0.</returns>
    public static int TasksToStart(int waiting, int running, int jobsPerTask, int maxConcurrentTasks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jobsPerTask, 1);
        if (waiting <= 0)
        {
            return 0;
        }

        var wanted = (waiting + jobsPerTask - 1) / jobsPerTask;
        return Math.Max(0, Math.Min(wanted, maxConcurrentTasks - running));
    }
}
