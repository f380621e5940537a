namespace MlApp.Hosting.Aws;

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

    /// <summary>The fewest web tasks behind the load balancer; never 0, since the web also dispatches batch tasks.</summary>
    public int WebMinTasks { get; init; } = 1;

    /// <summary>The most web tasks autoscaling may run: a cap on the web's cost.</summary>
    public int WebMaxTasks { get; init; } = 4;

    /// <summary>Average CPU of the web tasks that autoscaling keeps them at, in percent.</summary>
    public int WebCpuTargetPercent { get; init; } = 60;

    /// <summary>Requests per web task per minute (ALB RequestCountPerTarget) that autoscaling keeps them at.</summary>
    public int WebRequestsPerTarget { get; init; } = 600;

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

    /// <summary>
    /// Concurrent executions set aside for the function, and its cap: a ceiling on what a flood of predictions can
    /// cost. Unset: no reservation, the function shares the account's unreserved pool (1000 by default, as little as
    /// 10 in a new account, where any reservation fails the deploy because Lambda keeps 100 unreserved).
    /// </summary>
    public int? FunctionReservedConcurrency { get; init; }

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

    /// <summary>
    /// Where alarms and the budget's warnings are sent. Unset: the alarms still change state (and show in the
    /// CloudWatch console), but nobody is told, and there is no budget, whose only job is to tell someone.
    /// </summary>
    public string? AlarmEmail { get; init; }

    /// <summary>The monthly cost, in US dollars, at 80% and 100% of which the budget writes to <see cref="AlarmEmail"/>.</summary>
    public int MonthlyBudgetUsd { get; init; } = 50;

    /// <summary>An OpenTelemetry collector (OTLP) that every app exports traces, metrics and logs to; unset: no export.</summary>
    public string? OtlpEndpoint { get; init; }

    /// <summary>The OTLP transport: <c>http/protobuf</c> (what most hosted collectors take) or <c>grpc</c>.</summary>
    public string OtlpProtocol { get; init; } = "http/protobuf";

    /// <summary>The email to notify, or null when the setting is unset or blank (an empty variable clears it).</summary>
    public string? AlarmEmailOrNull => string.IsNullOrWhiteSpace(AlarmEmail) ? null : AlarmEmail.Trim();

    /// <summary>The collector to export to, or null when the setting is unset or blank.</summary>
    public string? OtlpEndpointOrNull => string.IsNullOrWhiteSpace(OtlpEndpoint) ? null : OtlpEndpoint.Trim();
}
