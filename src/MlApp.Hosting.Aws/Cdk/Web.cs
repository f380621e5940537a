using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ECS.Patterns;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Constructs;
using MlApp.Hosting.Aws.Topology;

namespace MlApp.Hosting.Aws.Cdk;

/// <summary>The web frontend and API: Fargate tasks in public subnets behind an internet-facing Application Load Balancer.</summary>
public sealed class Web : Construct
{
    /// <summary>Where the .NET images listen (ASPNETCORE_HTTP_PORTS of the aspnet base image), as the non-root user.</summary>
    public const int ContainerPort = 8080;

    /// <summary>The health endpoint ServiceDefaults maps in every environment, the one the AppHost checks locally.</summary>
    public const string HealthPath = "/health";

    /// <summary>
    /// Makes ASP.NET Core take the client's scheme and address from the load balancer's X-Forwarded-* headers, as
    /// Aspire's publish mode asks for every project with external endpoints. Only the load balancer can reach the tasks.
    /// </summary>
    public const string ForwardedHeadersSetting = "ASPNETCORE_FORWARDEDHEADERS_ENABLED";

    public Web(Construct scope, string id, AppProject app, IReadOnlyDictionary<string, string> environment, Network network, ImageAssets images, DeploymentSettings settings)
        : base(scope, id)
    {
        var https = settings.CertificateArn is not null;
        Service = new ApplicationLoadBalancedFargateService(this, "Service", new ApplicationLoadBalancedFargateServiceProps
        {
            Cluster = network.Cluster,
            Cpu = settings.WebCpu,
            MemoryLimitMiB = settings.WebMemoryMiB,
            // No desired count: autoscaling owns it (WebScaling), and a count in the template would reset it at every deploy.
            RuntimePlatform = new RuntimePlatform { CpuArchitecture = CpuArchitecture.X86_64, OperatingSystemFamily = OperatingSystemFamily.LINUX },
            TaskImageOptions = new ApplicationLoadBalancedTaskImageOptions
            {
                ContainerName = app.Name,
                Family = $"{Stack.Of(this).StackName}-{app.Name}",
                Image = images.ContainerImage(app),
                ContainerPort = ContainerPort,
                Environment = new Dictionary<string, string>(environment) { [ForwardedHeadersSetting] = "true" },
                LogDriver = LogDrivers.AwsLogs(new AwsLogDriverProps { LogGroup = LogGroups.Create(this, "Logs", settings), StreamPrefix = app.Name }),
            },
            PublicLoadBalancer = true,
            // Public subnets and no NAT gateway: a task without a public IP could not reach ECR, S3 or DynamoDB.
            TaskSubnets = network.PublicSubnets,
            AssignPublicIp = true,
            Protocol = https ? ApplicationProtocol.HTTPS : ApplicationProtocol.HTTP,
            Certificate = https ? Certificate.FromCertificateArn(this, "Certificate", settings.CertificateArn!) : null,
            RedirectHTTP = https ? true : null,
            // A deployment whose tasks never get healthy rolls back by itself instead of hanging.
            CircuitBreaker = new DeploymentCircuitBreaker { Rollback = true },
            MinHealthyPercent = 100,
            HealthCheckGracePeriod = Duration.Seconds(60),
        });

        Service.TargetGroup.ConfigureHealthCheck(new Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck
        {
            Path = HealthPath,
            HealthyHttpCodes = "200",
            Interval = Duration.Seconds(15),
            HealthyThresholdCount = 2,
        });

        // Long enough for an upload in flight to finish when a task is replaced; the default 300 s only slows deployments.
        Service.TargetGroup.SetAttribute("deregistration_delay.timeout_seconds", "120");
        Scaling = WebScaling.Configure(Service, settings);
    }

    public ApplicationLoadBalancedFargateService Service { get; }

    public ScalableTaskCount Scaling { get; }

    public Amazon.CDK.AWS.IAM.IRole TaskRole => Service.TaskDefinition.TaskRole;
}
