namespace MlApp.Hosting.Aws.Cdk;

/// <summary>
/// The configuration keys the apps read (their options classes), as environment variables. Locally the AppHost sets the
/// same names; a Deployment test compares both sets so they cannot drift apart.
/// </summary>
public static class SettingNames
{
    public const string TableName = "Jobs__TableName";
    public const string BucketName = "Jobs__BucketName";
    public const string FunctionName = "Realtime__FunctionName";
    public const string FunctionQualifier = "Realtime__Qualifier";
    public const string Cluster = "Batch__Cluster";
    public const string TaskDefinition = "Batch__TaskDefinition";
    public const string AssignPublicIp = "Batch__AssignPublicIp";
    public const string MaxConcurrentTasks = "Batch__MaxConcurrentTasks";

    /// <summary>Set with the GPU option only: the web then asks RunTask for this capacity provider instead of Fargate.</summary>
    public const string CapacityProvider = "Batch__CapacityProvider";

    /// <summary>Set on the GPU task only, to <c>cuda</c>: a task that lands without a usable GPU fails at start instead of running on the CPU.</summary>
    public const string ModelDevice = "Model__Device";

    public static string Subnet(int index) => $"Batch__Subnets__{index}";

    public static string SecurityGroup(int index) => $"Batch__SecurityGroups__{index}";
}
