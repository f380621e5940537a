using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Constructs;
using MlApp.Hosting.Aws.Topology;

namespace MlApp.Hosting.Aws.Cdk;

/// <summary>
/// The batch task: a Fargate task definition that RunTask starts and that exits when the queue is drained. Its roles,
/// security group, image and logs are shared with the GPU option's task definition.
/// </summary>
public sealed class Batch : Construct
{
    public Batch(Construct scope, string id, TaskApp app, IReadOnlyDictionary<string, string> environment, Network network, ImageAssets images, DeploymentSettings settings)
        : base(scope, id)
    {
        ContainerName = app.Project.Name;
        Family = $"{Stack.Of(this).StackName}-{app.Family}";
        Environment = environment;
        Image = images.ContainerImage(app.Project);
        Logs = LogGroups.Create(this, "Logs", settings);
        TaskRole = new Role(this, "TaskRole", new RoleProps { AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com") });
        ExecutionRole = new Role(this, "ExecutionRole", new RoleProps { AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com") });

        // Outbound only: the task calls S3, DynamoDB and ECR and nobody calls it.
        SecurityGroup = new SecurityGroup(this, "Tasks", new SecurityGroupProps
        {
            Vpc = network.Vpc,
            AllowAllOutbound = true,
            Description = "Batch tasks: outbound only",
        });

        TaskDefinition = new FargateTaskDefinition(this, "TaskDefinition", new FargateTaskDefinitionProps
        {
            Family = Family,
            Cpu = settings.BatchCpu,
            MemoryLimitMiB = settings.BatchMemoryMiB,
            TaskRole = TaskRole,
            ExecutionRole = ExecutionRole,
            RuntimePlatform = new RuntimePlatform { CpuArchitecture = CpuArchitecture.X86_64, OperatingSystemFamily = OperatingSystemFamily.LINUX },
        });
        AddContainer(TaskDefinition, "fargate");
        Target = new BatchTarget(TaskDefinition, AssignPublicIp: true, CapacityProvider: null);
    }

    public string Family { get; }

    public string ContainerName { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public ContainerImage Image { get; }

    public LogGroup Logs { get; }

    public Role TaskRole { get; }

    public Role ExecutionRole { get; }

    public SecurityGroup SecurityGroup { get; }

    public FargateTaskDefinition TaskDefinition { get; }

    /// <summary>Fargate with a public IP: the subnets are public and there is no NAT gateway.</summary>
    public BatchTarget Target { get; }

    /// <summary>The app's container in <paramref name="taskDefinition"/>: same settings and log group for every variant, and the CPU image unless told.</summary>
    public ContainerDefinition AddContainer(TaskDefinition taskDefinition, string logStreamPrefix, int gpuCount = 0, int? memoryReservationMiB = null, ContainerImage? image = null) =>
        taskDefinition.AddContainer(ContainerName, new ContainerDefinitionOptions
        {
            Image = image ?? Image,
            Environment = Environment.ToDictionary(),
            Logging = LogDrivers.AwsLogs(new AwsLogDriverProps { LogGroup = Logs, StreamPrefix = logStreamPrefix }),
            GpuCount = gpuCount > 0 ? gpuCount : null,
            MemoryReservationMiB = memoryReservationMiB,
        });

    /// <summary>The <c>Batch</c> settings of a caller that starts <paramref name="target"/> (<c>MlApp.Aws.Ecs.BatchOptions</c>).</summary>
    public IReadOnlyDictionary<string, string> CallerSettings(BatchTarget target, Network network, DeploymentSettings settings)
    {
        var callerSettings = new Dictionary<string, string>
        {
            [SettingNames.Cluster] = network.Cluster.ClusterName,
            [SettingNames.TaskDefinition] = target.TaskDefinition.TaskDefinitionArn,
            [SettingNames.SecurityGroup(0)] = SecurityGroup.SecurityGroupId,
            // Explicit although true is the app's default: without it a task in these subnets could reach nothing.
            [SettingNames.AssignPublicIp] = target.AssignPublicIp ? "true" : "false",
            [SettingNames.MaxConcurrentTasks] = settings.MaxBatchTasks.ToString(CultureInfo.InvariantCulture),
        };
        var subnets = network.Vpc.PublicSubnets;
        for (var index = 0; index < subnets.Length; index++)
        {
            callerSettings[SettingNames.Subnet(index)] = subnets[index].SubnetId;
        }

        if (target.CapacityProvider is not null)
        {
            callerSettings[SettingNames.CapacityProvider] = target.CapacityProvider;
        }

        return callerSettings;
    }

    /// <summary>
    /// RunTask on <paramref name="target"/>'s task definition in this cluster only, PassRole on its two roles only (to
    /// ECS tasks), and ListTasks, the one read the dispatcher makes (it counts running tasks; it describes none).
    /// </summary>
    public void GrantRun(IGrantable grantee, BatchTarget target, Network network)
    {
        var inCluster = Grants.Condition("ArnEquals", "ecs:cluster", network.Cluster.ClusterArn);
        Grants.Allow(grantee, ["ecs:RunTask"], [target.TaskDefinition.TaskDefinitionArn], inCluster);
        Grants.Allow(grantee, ["iam:PassRole"], [TaskRole.RoleArn, ExecutionRole.RoleArn],
            Grants.Condition("StringEquals", "iam:PassedToService", "ecs-tasks.amazonaws.com"));

        // ListTasks authorizes against container instances, which Fargate tasks don't have: "*", held to the cluster.
        Grants.Allow(grantee, ["ecs:ListTasks"], ["*"], inCluster);
    }
}
