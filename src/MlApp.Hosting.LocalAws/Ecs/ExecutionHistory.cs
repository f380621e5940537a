namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>
/// Tells a resource's state updates about the process that runs now from late ones about a process that has exited.
/// Aspire can publish an exited process's final state again (under another state text, or as a copy of an earlier
/// snapshot) after the next execution has started; taken at face value it ends the new execution's tasks at once, or
/// makes a later RunTask join a process that is gone, so no task is ever started for the waiting jobs. Updates carry
/// the process id and start time, which together name one process.
/// </summary>
public sealed class ExecutionHistory
{
    private readonly HashSet<(int ProcessId, DateTime? StartedAt)> _exited = [];

    /// <summary>True when the update speaks of a process already seen to exit; records the exits it sees.</summary>
    public bool IsLate(ResourcePhase phase, int? processId, DateTime? startedAt)
    {
        // Starting comes before the new process has an id (it still shows the old one), and says nothing of an exit.
        if (phase is not (ResourcePhase.Running or ResourcePhase.Exited) || processId is not > 0)
        {
            return false;
        }

        var process = (processId.Value, startedAt);
        if (_exited.Contains(process))
        {
            return true;
        }

        if (phase is ResourcePhase.Exited)
        {
            _exited.Add(process);
        }

        return false;
    }
}
