namespace MlApp.Aws.Ecs;

/// <summary>
/// Something ECS could not do for one item of a call that otherwise succeeded (HTTP 200): a task it could not place, a
/// task it does not know. Callers must read these, since the call itself does not fail.
/// </summary>
public sealed record EcsFailure(string? Arn, string? Reason, string? Detail);
