using System.Text.Json.Nodes;

namespace MlApp.Tests.Deployment;

/// <summary>The web's task count follows CPU and requests per task within its bounds; the function's concurrency cap.</summary>
[Collection(DeploymentCollection.Name)]
[Trait("Category", "Deployment")]
public sealed class ScalingTemplateTests(SynthesizedStacks stacks)
{
    [Fact]
    public void The_web_scales_between_one_and_four_tasks_by_default()
    {
        var (_, target) = stacks.Default.Single("AWS::ApplicationAutoScaling::ScalableTarget");
        var properties = target["Properties"]!;

        Assert.Equal((1, 4), ((int)properties["MinCapacity"]!, (int)properties["MaxCapacity"]!));
        Assert.Equal("ecs:service:DesiredCount", (string?)properties["ScalableDimension"]);
        Assert.Contains(stacks.Default.Single("AWS::ECS::Service").Id, properties["ResourceId"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_service_leaves_its_count_to_autoscaling_so_a_deploy_does_not_reset_it()
    {
        var service = stacks.Default.Single("AWS::ECS::Service").Resource["Properties"]!.AsObject();

        Assert.False(service.ContainsKey("DesiredCount"));
    }

    [Fact]
    public void Target_tracking_keeps_CPU_at_60_percent_and_requests_at_600_per_task_a_minute()
    {
        var cpu = Policy(stacks.Default, "ECSServiceAverageCPUUtilization");
        var requests = Policy(stacks.Default, "ALBRequestCountPerTarget");

        Assert.Equal(60, (int)cpu["TargetValue"]!);
        Assert.Equal(600, (int)requests["TargetValue"]!);
        Assert.All(new[] { cpu, requests }, policy =>
        {
            Assert.Equal(60, (int)policy["ScaleOutCooldown"]!);
            Assert.Equal(300, (int)policy["ScaleInCooldown"]!);
            Assert.Null(policy["DisableScaleIn"]);
        });

        // The request count is the web's own target group's, behind its own load balancer.
        var label = requests["PredefinedMetricSpecification"]!["ResourceLabel"]!.ToJsonString();
        Assert.Contains(stacks.Default.Single("AWS::ElasticLoadBalancingV2::TargetGroup").Id, label, StringComparison.Ordinal);
        Assert.Contains(stacks.Default.Single("AWS::ElasticLoadBalancingV2::Listener").Id, label, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_policies_scale_the_one_web_target()
    {
        var (targetId, _) = stacks.Default.Single("AWS::ApplicationAutoScaling::ScalableTarget");
        var policies = stacks.Default.OfType("AWS::ApplicationAutoScaling::ScalingPolicy").ToList();

        Assert.Equal(2, policies.Count);
        Assert.All(policies, policy =>
        {
            Assert.Equal("TargetTrackingScaling", (string?)policy.Resource["Properties"]!["PolicyType"]);
            Assert.Equal(targetId, StackTemplate.Target(policy.Resource["Properties"]!["ScalingTargetId"]));
        });
    }

    [Fact]
    public void Bounds_and_targets_follow_the_settings()
    {
        var settings = SynthesizedStacks.CustomSettings;
        var target = stacks.Custom.Single("AWS::ApplicationAutoScaling::ScalableTarget").Resource["Properties"]!;

        Assert.Equal((settings.WebMinTasks, settings.WebMaxTasks), ((int)target["MinCapacity"]!, (int)target["MaxCapacity"]!));
        Assert.Equal(settings.WebCpuTargetPercent, (int)Policy(stacks.Custom, "ECSServiceAverageCPUUtilization")["TargetValue"]!);
        Assert.Equal(settings.WebRequestsPerTarget, (int)Policy(stacks.Custom, "ALBRequestCountPerTarget")["TargetValue"]!);
    }

    [Fact]
    public void The_function_shares_the_accounts_unreserved_pool_unless_a_reservation_is_set()
    {
        var function = stacks.Default.Single("AWS::Lambda::Function").Resource["Properties"]!.AsObject();
        var custom = stacks.Custom.Single("AWS::Lambda::Function").Resource["Properties"]!;

        Assert.False(function.ContainsKey("ReservedConcurrentExecutions"));
        Assert.Equal(SynthesizedStacks.CustomSettings.FunctionReservedConcurrency, (int)custom["ReservedConcurrentExecutions"]!);
    }

    private static JsonNode Policy(StackTemplate template, string metricType) => template.OfType("AWS::ApplicationAutoScaling::ScalingPolicy")
        .Select(policy => policy.Resource["Properties"]!["TargetTrackingScalingPolicyConfiguration"]!)
        .Single(configuration => (string?)configuration["PredefinedMetricSpecification"]!["PredefinedMetricType"] == metricType);
}
