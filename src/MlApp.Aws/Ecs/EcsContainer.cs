namespace MlApp.Aws.Ecs;

/// <summary>One container of a task; the exit code is there once the container has stopped.</summary>
public sealed record EcsContainer
{
    public string? ContainerArn { get; init; }

    public string? TaskArn { get; init; }

    public string? Name { get; init; }

    public string? LastStatus { get; init; }

    public int? ExitCode { get; init; }

    public string? Reason { get; init; }
}
