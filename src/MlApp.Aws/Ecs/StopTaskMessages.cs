namespace MlApp.Aws.Ecs;

/// <param name="Task">The task's ARN or id.</param>
/// <param name="Reason">Shown later as the task's stoppedReason; up to 255 characters.</param>
public sealed record StopTaskRequest(string? Cluster, string? Task, string? Reason);

/// <summary>The task as it is right after the stop was requested: desiredStatus STOPPED, lastStatus still on its way.</summary>
public sealed record StopTaskResponse(EcsTask? Task);
