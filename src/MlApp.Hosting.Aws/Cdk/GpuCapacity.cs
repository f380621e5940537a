using Amazon.CDK.AWS.AutoScaling;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Constructs;
using MlApp.Hosting.Aws.Topology;

namespace MlApp.Hosting.Aws.Cdk;

/// <summary>
/// The GPU option: GPU instances in an Auto Scaling group that ECS scales from zero when a task waits and back to zero
/// when none runs, and a task definition of the batch app's GPU image (ONNX Runtime's CUDA build) that asks for one GPU.
/// Everything else stays as it is.
/// </summary>
/// <remarks>
/// Tasks on EC2 can't have public IPs, so these reach S3 and DynamoDB through the VPC's gateway endpoints; the
/// instances take public IPs to reach ECS, and pull images and ship logs with the tasks' execution role.
/// </remarks>
public sealed class GpuCapacity : Construct
{
    public GpuCapacity(Construct scope, string id, Network network, Batch batch, ContainerImage image, DeploymentSettings settings) : base(scope, id)
    {
        var instances = new AutoScalingGroup(this, "Instances", new AutoScalingGroupProps
        {
            Vpc = network.Vpc,
            VpcSubnets = network.PublicSubnets,
            LaunchTemplate = LaunchTemplate(network, settings),
            MinCapacity = 0,
            // One GPU per task and (on the default g5.xlarge) one GPU per instance.
            MaxCapacity = settings.MaxBatchTasks,
        });

        // Managed scaling keeps exactly the instances that placed tasks need; termination protection keeps a busy one.
        CapacityProvider = new AsgCapacityProvider(this, "CapacityProvider", new AsgCapacityProviderProps
        {
            AutoScalingGroup = instances,
            EnableManagedScaling = true,
            TargetCapacityPercent = 100,
            EnableManagedTerminationProtection = true,
        });

        // Not Cluster.AddAsgCapacityProvider: that also gives the instances logs and ECR rights on "*", which the
        // tasks' execution role already holds, scoped.
        new CfnClusterCapacityProviderAssociations(this, "Association", new CfnClusterCapacityProviderAssociationsProps
        {
            Cluster = network.Cluster.ClusterName,
            CapacityProviders = [CapacityProvider.CapacityProviderName],
            DefaultCapacityProviderStrategy = Array.Empty<object>(),
        });

        TaskDefinition = new Ec2TaskDefinition(this, "TaskDefinition", new Ec2TaskDefinitionProps
        {
            Family = batch.Family + "-gpu",
            NetworkMode = NetworkMode.AWS_VPC,
            TaskRole = batch.TaskRole,
            ExecutionRole = batch.ExecutionRole,
        });

        // A small soft reservation and no hard limit: the task may use the whole instance, whatever its size. The GPU
        // image has ONNX Runtime's CUDA build; cuda rather than auto, because a task that can't reach its GPU should
        // fail where the logs show it, not run on the CPU of an instance that is paid for its GPU.
        var container = batch.AddContainer(TaskDefinition, "gpu", gpuCount: 1, memoryReservationMiB: 1024, image: image);
        container.AddEnvironment(SettingNames.ModelDevice, "cuda");
        Target = new BatchTarget(TaskDefinition, AssignPublicIp: false, CapacityProvider.CapacityProviderName);
    }

    /// <summary>The batch app's GPU image: its Dockerfile.gpu, next to its Dockerfile.</summary>
    public static string Dockerfile(AppProject batch) => $"{batch.Directory}/Dockerfile.gpu";

    public AsgCapacityProvider CapacityProvider { get; }

    public Ec2TaskDefinition TaskDefinition { get; }

    /// <summary>Through the capacity provider, without a public IP (EC2 tasks can't have one).</summary>
    public BatchTarget Target { get; }

    private LaunchTemplate LaunchTemplate(Network network, DeploymentSettings settings)
    {
        var role = new Role(this, "InstanceRole", new RoleProps { AssumedBy = new ServicePrincipal("ec2.amazonaws.com") });
        AllowContainerAgent(role, network.Cluster);

        var userData = UserData.ForLinux();
        userData.AddCommands(
            $"echo ECS_CLUSTER={network.Cluster.ClusterName} >> /etc/ecs/ecs.config",
            "echo ECS_ENABLE_GPU_SUPPORT=true >> /etc/ecs/ecs.config",
            // awslogs writes with the task's execution role, so the instance role needs no logs rights at all.
            "echo ECS_ENABLE_AWSLOGS_EXECUTIONROLE_OVERRIDE=true >> /etc/ecs/ecs.config",
            // Tasks get credentials from their task role only, never from the instance's.
            "echo ECS_AWSVPC_BLOCK_IMDS=true >> /etc/ecs/ecs.config");

        return new LaunchTemplate(this, "LaunchTemplate", new LaunchTemplateProps
        {
            MachineImage = EcsOptimizedImage.AmazonLinux2023(AmiHardwareType.GPU),
            InstanceType = new InstanceType(settings.GpuInstanceType),
            Role = role,
            UserData = userData,
            SecurityGroup = new SecurityGroup(this, "InstanceSecurityGroup", new SecurityGroupProps
            {
                Vpc = network.Vpc,
                AllowAllOutbound = true,
                Description = "GPU instances: outbound only",
            }),
            AssociatePublicIpAddress = true,
            HttpTokens = LaunchTemplateHttpTokens.REQUIRED,
        });
    }

    /// <summary>What the ECS container agent calls: register with this cluster, poll it for work, report state.</summary>
    private static void AllowContainerAgent(Role role, Cluster cluster)
    {
        Grants.Allow(role, ["ecs:RegisterContainerInstance", "ecs:DeregisterContainerInstance",
            "ecs:SubmitAttachmentStateChanges", "ecs:SubmitContainerStateChange", "ecs:SubmitTaskStateChange"], [cluster.ClusterArn]);

        // The container instance's ARN doesn't exist before it registers: "*", held to the cluster.
        Grants.Allow(role, ["ecs:Poll", "ecs:StartTelemetrySession"], ["*"], Grants.Condition("ArnEquals", "ecs:cluster", cluster.ClusterArn));

        // An account-level call with no resource to name.
        Grants.Allow(role, ["ecs:DiscoverPollEndpoint"], ["*"]);
    }
}
