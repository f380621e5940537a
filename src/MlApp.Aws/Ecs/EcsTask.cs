namespace MlApp.Aws.Ecs;

/// <summary>
/// A task as ECS describes it (the fields this app reads). Times are epoch seconds on the wire; missing fields stay null,
/// since ECS fills them in as the task moves through its lifecycle.
/// </summary>
public sealed record EcsTask
{
    public string? TaskArn { get; init; }

    public string? ClusterArn { get; init; }

    public string? TaskDefinitionArn { get; init; }

    /// <summary>PROVISIONING, PENDING, ACTIVATING, RUNNING, DEACTIVATING, STOPPING, DEPROVISIONING or STOPPED.</summary>
    public string? LastStatus { get; init; }

    /// <summary>RUNNING, or STOPPED once ECS (or StopTask) has decided the task ends.</summary>
    public string? DesiredStatus { get; init; }

    public string? LaunchType { get; init; }

    public string? StartedBy { get; init; }

    public string? Group { get; init; }

    public string? Cpu { get; init; }

    public string? Memory { get; init; }

    /// <summary>Why the task stopped: EssentialContainerExited, UserInitiated, TaskFailedToStart, ...</summary>
    public string? StopCode { get; init; }

    public string? StoppedReason { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? StoppingAt { get; init; }

    public DateTimeOffset? StoppedAt { get; init; }

    public IReadOnlyList<EcsContainer> Containers { get; init; } = [];

    public TaskOverride? Overrides { get; init; }
}
