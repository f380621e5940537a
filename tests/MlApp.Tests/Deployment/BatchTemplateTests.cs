namespace MlApp.Tests.Deployment;

[Collection(DeploymentCollection.Name)]
[Trait("Category", "Deployment")]
public sealed class BatchTemplateTests(SynthesizedStacks stacks)
{
    [Fact]
    public void The_batch_task_is_a_Fargate_task_definition_of_4_vCPU_and_16_GB_by_default()
    {
        var (_, taskDefinition) = stacks.Default.TaskDefinitionOf("batch-job");

        Assert.Equal("4096", (string?)taskDefinition["Cpu"]);
        Assert.Equal("16384", (string?)taskDefinition["Memory"]);
        Assert.Equal("awsvpc", (string?)taskDefinition["NetworkMode"]);
        Assert.Equal($"MlApp-{stacks.Topology.Batch.Family}", (string?)taskDefinition["Family"]);
        Assert.Equal("X86_64", (string?)taskDefinition["RuntimePlatform"]!["CpuArchitecture"]);
    }

    [Fact]
    public void The_batch_task_is_not_a_service_it_only_runs_when_started()
    {
        var service = Assert.Single(stacks.Default.OfType("AWS::ECS::Service"));

        Assert.Equal(stacks.Default.TaskDefinitionOf("web").Id, StackTemplate.Target(service.Resource["Properties"]!["TaskDefinition"]));
    }

    [Fact]
    public void The_batch_container_logs_through_awslogs_to_a_group_of_the_stack()
    {
        var container = StackTemplate.Container(stacks.Default.TaskDefinitionOf("batch-job").Properties);
        var logging = container["LogConfiguration"]!;

        Assert.Equal("awslogs", (string?)logging["LogDriver"]);
        Assert.Equal("AWS::Logs::LogGroup", (string?)stacks.Default.Resources[StackTemplate.Target(logging["Options"]!["awslogs-group"])]!["Type"]);
    }

    [Fact]
    public void Batch_tasks_accept_no_inbound_traffic()
    {
        var environment = StackTemplate.Environment(StackTemplate.Container(stacks.Default.TaskDefinitionOf("web").Properties));
        var groupId = StackTemplate.Target(environment["Batch__SecurityGroups__0"]);

        Assert.Null(stacks.Default.Properties(groupId)["SecurityGroupIngress"]);
        Assert.DoesNotContain(stacks.Default.OfType("AWS::EC2::SecurityGroupIngress"),
            ingress => StackTemplate.Target(ingress.Resource["Properties"]!["GroupId"]) == groupId);
    }
}
