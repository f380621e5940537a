namespace MlApp.Aws.Ecs;

/// <summary>Per-task changes to the task definition; here, mostly environment variables for the batch container.</summary>
public sealed record TaskOverride(IReadOnlyList<ContainerOverride>? ContainerOverrides);

public sealed record ContainerOverride(string? Name, IReadOnlyList<string>? Command, IReadOnlyList<EnvironmentVariable>? Environment);

public sealed record EnvironmentVariable(string Name, string Value);
