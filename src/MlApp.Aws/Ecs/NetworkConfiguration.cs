namespace MlApp.Aws.Ecs;

/// <summary>Where a Fargate task's network interface goes (awsvpc mode): its subnets, security groups and public IP.</summary>
public sealed record NetworkConfiguration(AwsVpcConfiguration? AwsvpcConfiguration);

/// <param name="AssignPublicIp">ENABLED or DISABLED.</param>
public sealed record AwsVpcConfiguration(IReadOnlyList<string>? Subnets, IReadOnlyList<string>? SecurityGroups, string? AssignPublicIp);
