namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>How Aspire's resource states read as the phases a task follows; the rest (NotStarted, Stopping, ...) say nothing new.</summary>
internal static class AspireResourcePhases
{
    public static ResourcePhase? From(string? state) => state switch
    {
        _ when state == KnownResourceStates.Starting || state == KnownResourceStates.Waiting => ResourcePhase.Starting,
        _ when state == KnownResourceStates.Running => ResourcePhase.Running,
        _ when state == KnownResourceStates.Finished || state == KnownResourceStates.Exited => ResourcePhase.Exited,
        _ when state == KnownResourceStates.FailedToStart || state == KnownResourceStates.RuntimeUnhealthy => ResourcePhase.FailedToStart,
        _ => null,
    };
}
