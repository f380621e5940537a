using static MlApp.Hosting.LocalAws.Ecs.EcsTaskStatus;

namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>
/// The tasks of one task definition family and the one local resource they run on: decides when the resource must be
/// started or stopped, and moves the tasks through PROVISIONING, PENDING, RUNNING and STOPPED as the resource moves.
/// Not thread-safe: the board calls it under its lock and performs the returned start or stop outside it.
/// </summary>
internal sealed class FamilyTasks
{
    private const string ExitedReason = "Essential container in task exited";

    // The execution new tasks join, the one queued behind it while it stops, and the last one that ended.
    private TaskRun? _current;
    private TaskRun? _next;
    private TaskRun? _lastEnded;

    // What the resource was last seen doing, so tasks can join an execution someone started from the dashboard.
    private ResourcePhase? _observed;

    /// <returns>True when the resource must be started for these tasks.</returns>
    public bool Add(IReadOnlyList<LocalTask> tasks, DateTimeOffset now)
    {
        if (_current is null)
        {
            var adopted = _observed switch
            {
                ResourcePhase.Running => RunPhase.Running,
                ResourcePhase.Starting => RunPhase.Pending,
                _ => (RunPhase?)null,
            };
            _current = new TaskRun(adopted ?? RunPhase.Launching);
            _current.Join(tasks, now);
            return adopted is null;
        }

        if (_current.Phase is RunPhase.Stopping)
        {
            // The resource can't run twice: these start once the stopping execution has ended.
            _next ??= new TaskRun(RunPhase.Waiting);
            _next.Join(tasks, now);
            return false;
        }

        _current.Join(tasks, now);
        return false;
    }

    /// <returns>True when a queued execution must now be started.</returns>
    public bool Report(ResourcePhase phase, int? exitCode, DateTimeOffset now)
    {
        _observed = phase;
        switch (phase)
        {
            case ResourcePhase.Starting when _current?.Phase is RunPhase.Launching:
                _current.MarkPending();
                return false;
            case ResourcePhase.Running when _current?.Phase is RunPhase.Launching or RunPhase.Pending:
                _current.MarkRunning(now);
                return false;
            case ResourcePhase.Exited when _current is null || _current.Phase is RunPhase.Launching:
                // Not this execution's end: a state left from the previous one, perhaps now with its exit code.
                if (exitCode is { } late)
                {
                    TakeLateExitCode(late);
                }

                return false;
            case ResourcePhase.Exited:
                return End(EssentialContainerExited, ExitedReason, exitCode, now);
            case ResourcePhase.FailedToStart when _current is not null:
                return End(TaskFailedToStart, "CannotStartContainerError: the local resource failed to start", exitCode, now);
            default:
                return false;
        }
    }

    /// <summary>The exit code of the last execution that ended, when it comes after its end.</summary>
    public void TakeLateExitCode(int exitCode) => _lastEnded?.Tasks.ForEach(task => task.TakeLateExitCode(exitCode));

    /// <summary>The start command itself failed: the execution never began.</summary>
    public bool LaunchFailed(string message, DateTimeOffset now) =>
        _current?.Phase is RunPhase.Launching && End(TaskFailedToStart, $"CannotStartContainerError: {message}", null, now);

    /// <returns>True when the resource must be stopped: the task was the last one that wanted it running.</returns>
    public bool Stop(LocalTask task, string reason, DateTimeOffset now)
    {
        if (task.IsStopped || task.DesiredStatus == Stopped)
        {
            return false;
        }

        task.RequestStop(reason, now);
        var run = _next?.Tasks.Contains(task) == true ? _next : _current;
        if (run is null || !run.Tasks.Contains(task))
        {
            task.Stop(UserInitiated, reason, null, now);
            return false;
        }

        if (run == _next || run.Tasks.Any(other => other.DesiredStatus == Running))
        {
            // Others still need the process (or it never started for this task): only this task ends, at once.
            run.Tasks.Remove(task);
            task.Stop(UserInitiated, reason, null, now);
            if (_next is { Tasks.Count: 0 })
            {
                _next = null;
            }

            return false;
        }

        run.MarkStopping();
        return true;
    }

    private bool End(string stopCode, string reason, int? exitCode, DateTimeOffset now)
    {
        _current!.End(stopCode, reason, exitCode, now);
        _lastEnded = _current;
        _current = _next;
        _next = null;
        _current?.MarkLaunching();
        return _current is not null;
    }
}
