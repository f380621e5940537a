namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>The task statuses and stop codes the emulator uses, spelled as ECS spells them.</summary>
internal static class EcsTaskStatus
{
    public const string Provisioning = "PROVISIONING";
    public const string Pending = "PENDING";
    public const string Running = "RUNNING";
    public const string Stopping = "STOPPING";
    public const string Stopped = "STOPPED";

    public const string EssentialContainerExited = "EssentialContainerExited";
    public const string UserInitiated = "UserInitiated";
    public const string TaskFailedToStart = "TaskFailedToStart";
}
