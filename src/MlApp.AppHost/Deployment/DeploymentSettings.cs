namespace MlApp.AppHost.Deployment;

/// <summary>
/// Every choice of the AWS deployment that is not in the AppHost's model: sizes, counts, retention, the GPU option.
/// Bound from the AppHost's <c>Deploy</c> section (appsettings.json, or <c>Deploy__WebCpu=512</c> in the environment).
/// </summary>
/// <remarks>One flat record on purpose: the cost model reads the same numbers the stack is built from.</remarks>
public sealed record DeploymentSettings
{
    public const string SectionName = "Deploy";

    /// <summary>The CloudFormation stack's name.</summary>
    public string StackName { get; init; } = "MlApp";

    /// <summary>Fargate CPU units of one web task (1024 = 1 vCPU).</summary>
    public int WebCpu { get; init; } = 256;

    public int WebMemoryMiB { get; init; } = 512;

    /// <summary>Web tasks behind the load balancer.</summary>
    public int WebDesiredCount { get; init; } = 1;

    /// <summary>
    /// An ACM certificate for HTTPS on the load balancer (port 443, with port 80 redirected). Unset: HTTP on port 80
    /// only, which is enough to try the app but sends the owner cookie in clear.
    /// </summary>
    public string? CertificateArn { get; init; }

    /// <summary>Lambda memory, which also sets its CPU share.</summary>
    public int FunctionMemoryMiB { get; init; } = 1024;

    /// <summary>Unset: the timeout the AppHost gives the function (<c>AsLambdaFunction</c>), the one the emulator enforces.</summary>
    public int? FunctionTimeoutSeconds { get; init; }

    /// <summary>Warm instances behind the alias <c>live</c>; they are billed while idle, so 0 unless cold starts hurt.</summary>
    public int FunctionProvisionedConcurrency { get; init; }

    /// <summary>Fargate CPU units of one batch task.</summary>
    public int BatchCpu { get; init; } = 4096;

    public int BatchMemoryMiB { get; init; } = 16384;

    /// <summary>The most batch tasks running at once (the web's dispatcher cap, and the GPU group's instance cap).</summary>
    public int MaxBatchTasks { get; init; } = 4;

    /// <summary>Days CloudWatch keeps the logs of every part; one of the values CloudWatch accepts.</summary>
    public int LogRetentionDays { get; init; } = 30;

    /// <summary>Days an uploaded input stays in S3; a job waits far less than this before it runs.</summary>
    public int InputRetentionDays { get; init; } = 7;

    /// <summary>Days a result stays in S3: as long as the app keeps a finished job (<c>Jobs:FinishedJobRetention</c>, 30 days).</summary>
    public int ResultRetentionDays { get; init; } = 30;

    /// <summary>Run batch tasks on GPU instances (an EC2 capacity provider that scales from and to zero) instead of Fargate.</summary>
    public bool GpuEnabled { get; init; }

    /// <summary>The GPU instance type; one batch task per instance, since each task asks for one GPU.</summary>
    public string GpuInstanceType { get; init; } = "g5.xlarge";
}
