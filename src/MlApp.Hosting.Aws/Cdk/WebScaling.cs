using Amazon.CDK;
using Amazon.CDK.AWS.ApplicationAutoScaling;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ECS.Patterns;

namespace MlApp.Hosting.Aws.Cdk;

/// <summary>
/// The web's task count follows its load between <see cref="DeploymentSettings.WebMinTasks"/> and
/// <see cref="DeploymentSettings.WebMaxTasks"/>: two target-tracking policies, on CPU and on requests per task, and
/// whichever asks for more tasks wins.
/// </summary>
/// <remarks>
/// Requests as well as CPU, because a web task mostly waits on Lambda, S3 and DynamoDB: its CPU can stay low while its
/// connections and memory fill up. Out quickly (a minute), in slowly (five), so a burst doesn't make the count flap.
/// </remarks>
public static class WebScaling
{
    public static readonly Duration ScaleOutCooldown = Duration.Minutes(1);
    public static readonly Duration ScaleInCooldown = Duration.Minutes(5);

    public static ScalableTaskCount Configure(ApplicationLoadBalancedFargateService service, DeploymentSettings settings)
    {
        var count = service.Service.AutoScaleTaskCount(new EnableScalingProps
        {
            MinCapacity = settings.WebMinTasks,
            MaxCapacity = settings.WebMaxTasks,
        });
        count.ScaleOnCpuUtilization("Cpu", new CpuUtilizationScalingProps
        {
            TargetUtilizationPercent = settings.WebCpuTargetPercent,
            ScaleOutCooldown = ScaleOutCooldown,
            ScaleInCooldown = ScaleInCooldown,
        });
        count.ScaleOnRequestCount("Requests", new RequestCountScalingProps
        {
            RequestsPerTarget = settings.WebRequestsPerTarget,
            TargetGroup = service.TargetGroup,
            ScaleOutCooldown = ScaleOutCooldown,
            ScaleInCooldown = ScaleInCooldown,
        });
        return count;
    }
}
