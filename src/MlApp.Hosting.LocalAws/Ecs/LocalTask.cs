using MlApp.Aws.Ecs;
using static MlApp.Hosting.LocalAws.Ecs.EcsTaskStatus;

namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>One task the emulator started: its mutable state (guarded by the board's lock) and its ECS description.</summary>
internal sealed class LocalTask(string cluster, string family, string? startedBy, TaskOverride? overrides, DateTimeOffset createdAt)
{
    private readonly string _containerId = Guid.NewGuid().ToString();

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public string Cluster { get; } = cluster;

    public string Family { get; } = family;

    public string? StartedBy { get; } = startedBy;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public string Arn => EcsArns.Task(Cluster, Id);

    public string LastStatus { get; private set; } = Provisioning;

    public string DesiredStatus { get; private set; } = Running;

    public bool IsStopped => LastStatus == Stopped;

    /// <summary>Set by StopTask: the task ends as UserInitiated with this reason, however the process ends.</summary>
    public string? UserStopReason { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? StoppingAt { get; private set; }

    public DateTimeOffset? StoppedAt { get; private set; }

    public string? StopCode { get; private set; }

    public string? StoppedReason { get; private set; }

    public int? ExitCode { get; private set; }

    public void MarkPending()
    {
        if (LastStatus == Provisioning)
        {
            LastStatus = Pending;
        }
    }

    public void MarkRunning(DateTimeOffset now)
    {
        if (LastStatus is Provisioning or Pending)
        {
            LastStatus = Running;
            StartedAt = now;
        }
    }

    /// <summary>StopTask: ECS decides the task ends at once (desiredStatus), the container follows.</summary>
    public void RequestStop(string reason, DateTimeOffset now)
    {
        DesiredStatus = Stopped;
        UserStopReason = reason;
        if (!IsStopped)
        {
            LastStatus = Stopping;
            StoppingAt ??= now;
        }
    }

    public void Stop(string stopCode, string reason, int? exitCode, DateTimeOffset now)
    {
        LastStatus = Stopped;
        DesiredStatus = Stopped;
        StopCode = UserStopReason is null ? stopCode : UserInitiated;
        StoppedReason = UserStopReason ?? reason;
        ExitCode = exitCode;
        StoppingAt ??= now;
        StoppedAt = now;
    }

    /// <summary>Aspire may publish a process's exit code after its final state; a stopped task takes it when it comes.</summary>
    public void TakeLateExitCode(int exitCode) => ExitCode ??= exitCode;

    public EcsTask Describe() => new()
    {
        TaskArn = Arn,
        ClusterArn = EcsArns.Cluster(Cluster),
        TaskDefinitionArn = EcsArns.TaskDefinition(Family),
        LastStatus = LastStatus,
        DesiredStatus = DesiredStatus,
        LaunchType = "FARGATE",
        StartedBy = StartedBy,
        Group = $"family:{Family}",
        StopCode = StopCode,
        StoppedReason = StoppedReason,
        CreatedAt = CreatedAt,
        StartedAt = StartedAt,
        StoppingAt = StoppingAt,
        StoppedAt = StoppedAt,
        Overrides = overrides ?? new TaskOverride([]),
        Containers =
        [
            new EcsContainer
            {
                ContainerArn = EcsArns.Container(Cluster, Id, _containerId),
                TaskArn = Arn,
                Name = Family,
                LastStatus = LastStatus switch { Provisioning or Pending => Pending, Stopping => Running, _ => LastStatus },
                ExitCode = ExitCode,
            },
        ],
    };
}
