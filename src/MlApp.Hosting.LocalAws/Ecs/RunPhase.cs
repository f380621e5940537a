namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>Where one execution is; tasks' lastStatus follows it.</summary>
internal enum RunPhase
{
    /// <summary>Queued behind an execution that is being stopped.</summary>
    Waiting,

    /// <summary>The start was requested; no state seen yet (tasks PROVISIONING).</summary>
    Launching,

    Pending,
    Running,

    /// <summary>Every task was stopped by StopTask and the resource was asked to stop.</summary>
    Stopping,

    Ended,
}
