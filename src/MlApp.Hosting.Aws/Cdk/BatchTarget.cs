using Amazon.CDK.AWS.ECS;

namespace MlApp.Hosting.Aws.Cdk;

/// <summary>The task definition a caller's RunTask starts, and how: on Fargate with a public IP, or on a capacity provider.</summary>
public sealed record BatchTarget(TaskDefinition TaskDefinition, bool AssignPublicIp, string? CapacityProvider);
