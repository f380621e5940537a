namespace MlApp.Aws.Ecs;

/// <param name="Tasks">Up to 100 task ARNs or ids.</param>
public sealed record DescribeTasksRequest(string? Cluster, IReadOnlyList<string>? Tasks);

/// <summary>The tasks ECS knows; each unknown one comes back as a failure with reason MISSING, not as an error.</summary>
public sealed record DescribeTasksResponse
{
    public IReadOnlyList<EcsTask> Tasks { get; init; } = [];

    public IReadOnlyList<EcsFailure> Failures { get; init; } = [];
}
