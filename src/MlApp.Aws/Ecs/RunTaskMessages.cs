namespace MlApp.Aws.Ecs;

/// <summary>The body of <c>RunTask</c>; see the ECS API reference for each field.</summary>
public sealed record RunTaskRequest
{
    public string? Cluster { get; init; }

    public string? TaskDefinition { get; init; }

    /// <summary>Either this or <see cref="CapacityProviderStrategy"/>: ECS refuses a request with both.</summary>
    public string? LaunchType { get; init; }

    public IReadOnlyList<CapacityProviderStrategyItem>? CapacityProviderStrategy { get; init; }

    /// <summary>1 to 10 tasks per call; ECS treats a missing count as 1.</summary>
    public int? Count { get; init; }

    public NetworkConfiguration? NetworkConfiguration { get; init; }

    public TaskOverride? Overrides { get; init; }

    public string? StartedBy { get; init; }

    public string? Group { get; init; }

    /// <summary>Idempotency: a repeated call with the same token returns the tasks of the first instead of starting more.</summary>
    public string? ClientToken { get; init; }
}

/// <summary>One capacity provider of a <c>RunTask</c> strategy, with its share of the tasks.</summary>
public sealed record CapacityProviderStrategyItem(string CapacityProvider, int? Weight = null, int? Base = null);

/// <summary>
/// What <c>RunTask</c> started and what it could not: a 200 can carry no task at all and only <see cref="Failures"/>
/// (no Fargate capacity, a quota), so the caller must always look at both.
/// </summary>
public sealed record RunTaskResponse
{
    public IReadOnlyList<EcsTask> Tasks { get; init; } = [];

    public IReadOnlyList<EcsFailure> Failures { get; init; } = [];
}
