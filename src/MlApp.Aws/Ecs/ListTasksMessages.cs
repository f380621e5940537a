namespace MlApp.Aws.Ecs;

/// <summary>
/// The body of <c>ListTasks</c>. ECS documents that <see cref="StartedBy"/>, when given, must be the only filter; a missing
/// <see cref="DesiredStatus"/> means RUNNING.
/// </summary>
public sealed record ListTasksRequest
{
    public string? Cluster { get; init; }

    public string? Family { get; init; }

    public string? StartedBy { get; init; }

    /// <summary>RUNNING (the default) or STOPPED.</summary>
    public string? DesiredStatus { get; init; }

    /// <summary>1 to 100; ECS pages at 100 when it is missing.</summary>
    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }
}

public sealed record ListTasksResponse
{
    public IReadOnlyList<string> TaskArns { get; init; } = [];

    /// <summary>Set while more pages follow.</summary>
    public string? NextToken { get; init; }
}
