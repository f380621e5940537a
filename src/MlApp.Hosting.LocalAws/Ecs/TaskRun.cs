namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>
/// One execution of a family's local resource and the tasks that share it. In AWS each task is its own container; a
/// local resource runs once at a time, so every task started while it runs joins that one execution.
/// </summary>
internal sealed class TaskRun(RunPhase phase)
{
    public RunPhase Phase { get; private set; } = phase;

    public List<LocalTask> Tasks { get; } = [];

    /// <summary>Adds tasks in the state the execution is in: a task that joins a running process is running.</summary>
    public void Join(IEnumerable<LocalTask> tasks, DateTimeOffset now)
    {
        foreach (var task in tasks)
        {
            Tasks.Add(task);
            if (Phase is RunPhase.Pending or RunPhase.Running)
            {
                task.MarkPending();
            }

            if (Phase is RunPhase.Running)
            {
                task.MarkRunning(now);
            }
        }
    }

    public void MarkLaunching() => Phase = RunPhase.Launching;

    public void MarkPending()
    {
        Phase = RunPhase.Pending;
        Tasks.ForEach(task => task.MarkPending());
    }

    public void MarkRunning(DateTimeOffset now)
    {
        Phase = RunPhase.Running;
        Tasks.ForEach(task => task.MarkRunning(now));
    }

    public void MarkStopping() => Phase = RunPhase.Stopping;

    public void End(string stopCode, string reason, int? exitCode, DateTimeOffset now)
    {
        Phase = RunPhase.Ended;
        foreach (var task in Tasks.Where(task => !task.IsStopped))
        {
            task.Stop(stopCode, reason, exitCode, now);
        }
    }
}
