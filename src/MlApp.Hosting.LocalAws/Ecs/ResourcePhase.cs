namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>Where the local resource behind a task family is in its life, as far as ECS task states care.</summary>
public enum ResourcePhase
{
    /// <summary>Asked to start, not yet running (ECS: PENDING).</summary>
    Starting,

    /// <summary>The process runs (ECS: RUNNING).</summary>
    Running,

    /// <summary>The process ended, with or without an exit code (ECS: STOPPED, EssentialContainerExited).</summary>
    Exited,

    /// <summary>The process never ran (ECS: STOPPED, TaskFailedToStart).</summary>
    FailedToStart,
}
