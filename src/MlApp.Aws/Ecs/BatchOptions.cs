using System.ComponentModel.DataAnnotations;

namespace MlApp.Aws.Ecs;

/// <summary>
/// Where and how batch tasks run; bound from <c>Batch</c> (env <c>Batch__Cluster</c>, <c>Batch__Subnets__0</c>, ...).
/// CDK supplies the real names in AWS, the AppHost supplies the ECS emulator's locally.
/// </summary>
public sealed class BatchOptions
{
    public const string SectionName = "Batch";

    /// <summary>The cluster's short name or ARN.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Cluster { get; set; } = "";

    /// <summary>A family (latest active revision), <c>family:revision</c> or a full task definition ARN.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TaskDefinition { get; set; } = "";

    /// <summary>Fargate tasks use awsvpc networking, which needs at least one subnet (ECS accepts up to 16).</summary>
    [MinLength(1)]
    [MaxLength(16)]
    public string[] Subnets { get; set; } = [];

    /// <summary>Empty means the VPC's default security group, as ECS does it.</summary>
    [MaxLength(5)]
    public string[] SecurityGroups { get; set; } = [];

    /// <summary>
    /// True by default: the VPC has public subnets only (no NAT gateway), so a task without a public IP could not pull
    /// its image or reach S3 and DynamoDB.
    /// </summary>
    public bool AssignPublicIp { get; set; } = true;

    /// <summary>
    /// The GPU option: start tasks on this capacity provider (EC2 GPU instances that scale from zero) instead of on
    /// Fargate. Unset, tasks run on Fargate.
    /// </summary>
    public string? CapacityProvider { get; set; }

    /// <summary>Marks the tasks this app starts, so ListTasks can count them; ECS allows 36 characters.</summary>
    [Required(AllowEmptyStrings = false)]
    [MaxLength(36)]
    public string StartedBy { get; set; } = "mlapp-dispatcher";

    /// <summary>The dispatcher never has more batch tasks running than this.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentTasks { get; set; } = 4;

    /// <summary>Queued jobs per task the dispatcher starts: 25 queued jobs with the default start 3 tasks.</summary>
    [Range(1, 10_000)]
    public int JobsPerTask { get; set; } = 10;

    /// <summary>Tries in all, the first included, for throttling and service errors; other errors are never retried.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 5;
}
