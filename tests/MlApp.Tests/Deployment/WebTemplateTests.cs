using WebConstruct = MlApp.Hosting.Aws.Cdk.Web;

namespace MlApp.Tests.Deployment;

[Collection(DeploymentCollection.Name)]
[Trait("Category", "Deployment")]
public sealed class WebTemplateTests(SynthesizedStacks stacks)
{
    [Fact]
    public void An_internet_facing_load_balancer_forwards_port_80_to_the_web_tasks()
    {
        var loadBalancer = stacks.Default.Single("AWS::ElasticLoadBalancingV2::LoadBalancer").Resource["Properties"]!;
        var listener = stacks.Default.Single("AWS::ElasticLoadBalancingV2::Listener").Resource["Properties"]!;
        var (targetGroupId, _) = stacks.Default.Single("AWS::ElasticLoadBalancingV2::TargetGroup");

        Assert.Equal("internet-facing", (string?)loadBalancer["Scheme"]);
        Assert.Equal(2, loadBalancer["Subnets"]!.AsArray().Count);
        Assert.Equal(80, (int)listener["Port"]!);
        Assert.Equal("HTTP", (string?)listener["Protocol"]);
        Assert.Equal(targetGroupId, StackTemplate.Target(listener["DefaultActions"]![0]!["TargetGroupArn"]));
    }

    [Fact]
    public void The_load_balancer_checks_health_on_the_path_the_app_maps()
    {
        var targetGroup = stacks.Default.Single("AWS::ElasticLoadBalancingV2::TargetGroup").Resource["Properties"]!;

        Assert.Equal("/health", (string?)targetGroup["HealthCheckPath"]);
        Assert.Equal("200", (string?)targetGroup["Matcher"]!["HttpCode"]);
        Assert.Equal("ip", (string?)targetGroup["TargetType"]);
    }

    [Fact]
    public void The_web_runs_on_Fargate_with_a_quarter_vCPU_and_half_a_GB_by_default()
    {
        var (_, taskDefinition) = stacks.Default.TaskDefinitionOf("web");
        var service = stacks.Default.Single("AWS::ECS::Service").Resource["Properties"]!;
        var container = StackTemplate.Container(taskDefinition);

        Assert.Equal("256", (string?)taskDefinition["Cpu"]);
        Assert.Equal("512", (string?)taskDefinition["Memory"]);
        Assert.Equal("FARGATE", (string?)service["LaunchType"]);
        Assert.Equal("ENABLED", (string?)service["NetworkConfiguration"]!["AwsvpcConfiguration"]!["AssignPublicIp"]);
        Assert.Equal(WebConstruct.ContainerPort, (int)container["PortMappings"]![0]!["ContainerPort"]!);
        Assert.Equal(WebConstruct.ContainerPort, (int)service["LoadBalancers"]![0]!["ContainerPort"]!);
    }

    [Fact]
    public void The_web_takes_the_clients_scheme_from_the_load_balancer()
    {
        var environment = StackTemplate.Environment(StackTemplate.Container(stacks.Default.TaskDefinitionOf("web").Properties));

        Assert.Equal("true", (string?)environment[WebConstruct.ForwardedHeadersSetting]);
    }
}
