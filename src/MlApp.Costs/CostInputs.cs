using MlApp.Costs.Prices;

namespace MlApp.Costs;

/// <summary>What the deployment runs and keeps: the cost model's inputs, defaulting to the architecture's sizes.</summary>
public sealed record CostInputs
{
    public static CostInputs Default { get; } = new();

    public decimal WebVcpu { get; init; } = 0.25m;

    public decimal WebMemoryGb { get; init; } = 0.5m;

    public int WebTaskCount { get; init; } = 1;

    public CpuArchitecture FargateCpu { get; init; } = CpuArchitecture.X86_64;

    /// <summary>
    /// The VPC has public subnets only and no NAT gateway (a NAT gateway alone is over $32 a month), so every task,
    /// web or batch, gets a public IPv4 address to pull its image and reach the AWS APIs.
    /// </summary>
    public bool TasksHavePublicIpv4 { get; init; } = true;

    public bool LoadBalancer { get; init; } = true;

    /// <summary>An ALB spans at least two availability zones and holds a public IPv4 address in each.</summary>
    public int LoadBalancerZones { get; init; } = 2;

    /// <summary>
    /// AWS bills the LCUs actually used; an ALB that only sees health checks uses a fraction of one. A full LCU
    /// (25 new connections/s, 3,000 active connections, 1 GB/h) is a conservative idle figure that also covers light traffic.
    /// </summary>
    public decimal LoadBalancerIdleLcu { get; init; } = 1m;

    public int FunctionMemoryMb { get; init; } = 1024;

    public int ProvisionedConcurrency { get; init; }

    /// <summary>Billed duration of one warm prediction; the seed measured 50 ms. Replace it with the REPORT line's figure.</summary>
    public decimal FunctionDurationMs { get; init; } = 50m;

    /// <summary>Lambda's START, END and REPORT lines with CloudWatch's 26 bytes of overhead per event, and nothing of our own.</summary>
    public int FunctionLogBytesPerInvocation { get; init; } = 400;

    public decimal BatchVcpu { get; init; } = 4m;

    public decimal BatchMemoryGb { get; init; } = 16m;

    /// <summary>Run batch tasks on a GPU instance (an EC2 capacity provider that scales to zero) instead of Fargate.</summary>
    public bool BatchGpu { get; init; }

    public string GpuInstanceType { get; init; } = "g5.xlarge";

    /// <summary>The batch worker's heartbeat (BatchWorker:HeartbeatInterval); each one is a DynamoDB write.</summary>
    public TimeSpan BatchHeartbeatInterval { get; init; } = TimeSpan.FromSeconds(10);

    public int LogRetentionDays { get; init; } = 30;

    /// <summary>What the idle deployment writes to CloudWatch Logs in a month: start-up lines, health checks, warnings.</summary>
    public decimal IdleLogGbPerMonth { get; init; } = 0.5m;

    public decimal S3StoredGb { get; init; } = 1m;

    public decimal DynamoDbStoredGb { get; init; } = 0.1m;

    /// <summary>The three images (web, function, batch) and a few older versions of each.</summary>
    public decimal EcrStoredGb { get; init; } = 1m;

    /// <summary>The family of the one-big-VM comparison when batch runs on Fargate; with the GPU option it is the GPU's family.</summary>
    public string VmFamily { get; init; } = "m5";
}
