using System.Text.Json.Nodes;

namespace MlApp.Tests.Deployment;

[Collection(DeploymentCollection.Name)]
[Trait("Category", "Deployment")]
public sealed class GpuOptionTests(SynthesizedStacks stacks)
{
    [Fact]
    public void The_GPU_option_removes_no_resource_and_changes_only_what_points_the_web_at_the_GPU_tasks()
    {
        var webTaskDefinition = stacks.Default.TaskDefinitionOf("web").Id;
        var webTaskPolicy = stacks.Default.OfType("AWS::IAM::Policy")
            .Single(policy => StackTemplate.Target(policy.Resource["Properties"]!["Roles"]![0]) == StackRoles.Of(stacks.Default).WebTask).Id;

        Assert.Empty(stacks.Default.Resources.Select(entry => entry.Key).Except(stacks.Gpu.Resources.Select(entry => entry.Key)));
        var changed = stacks.Default.Resources
            .Where(entry => !JsonNode.DeepEquals(entry.Value, stacks.Gpu.Resources[entry.Key]))
            .Select(entry => entry.Key)
            .Order();
        Assert.Equal(new[] { webTaskDefinition, webTaskPolicy }.Order(), changed);
    }

    [Fact]
    public void The_GPU_option_adds_an_EC2_capacity_provider_that_scales_from_and_to_zero()
    {
        Assert.Empty(stacks.Default.OfType("AWS::ECS::CapacityProvider"));
        var (providerId, provider) = stacks.Gpu.Single("AWS::ECS::CapacityProvider");
        var (groupId, group) = stacks.Gpu.Single("AWS::AutoScaling::AutoScalingGroup");
        var scaling = provider["Properties"]!["AutoScalingGroupProvider"]!;

        Assert.Equal(groupId, StackTemplate.Target(scaling["AutoScalingGroupArn"]));
        Assert.Equal("ENABLED", (string?)scaling["ManagedScaling"]!["Status"]);
        Assert.Equal(100, (int)scaling["ManagedScaling"]!["TargetCapacity"]!);
        Assert.Equal("0", (string?)group["Properties"]!["MinSize"]);
        Assert.Null(group["Properties"]!["DesiredCapacity"]);
        Assert.Equal("4", (string?)group["Properties"]!["MaxSize"]);

        var association = stacks.Gpu.Single("AWS::ECS::ClusterCapacityProviderAssociations").Resource["Properties"]!;
        Assert.Equal(providerId, StackTemplate.Target(association["CapacityProviders"]![0]));
        Assert.Equal(stacks.Gpu.Single("AWS::ECS::Cluster").Id, StackTemplate.Target(association["Cluster"]));
    }

    [Fact]
    public void GPU_instances_run_the_ECS_GPU_image_with_a_public_IP_and_IMDSv2()
    {
        var template = stacks.Gpu.Single("AWS::EC2::LaunchTemplate").Resource["Properties"]!["LaunchTemplateData"]!;
        var imageParameter = stacks.Gpu.Root["Parameters"]![StackTemplate.Target(template["ImageId"])]!;

        Assert.Equal("g5.xlarge", (string?)template["InstanceType"]);
        Assert.Equal("/aws/service/ecs/optimized-ami/amazon-linux-2023/gpu/recommended/image_id", (string?)imageParameter["Default"]);
        Assert.True((bool)template["NetworkInterfaces"]![0]!["AssociatePublicIpAddress"]!);
        Assert.Equal("required", (string?)template["MetadataOptions"]!["HttpTokens"]);
        var userData = template["UserData"]!.ToJsonString();
        Assert.Contains("ECS_CLUSTER=", userData, StringComparison.Ordinal);
        Assert.Contains("ECS_AWSVPC_BLOCK_IMDS=true", userData, StringComparison.Ordinal);
    }

    [Fact]
    public void The_GPU_task_asks_for_one_GPU_and_shares_the_batch_tasks_roles_settings_and_logs()
    {
        var fargate = stacks.Gpu.TaskDefinitionOf("batch-job").Properties;
        var gpu = stacks.Gpu.TaskDefinitionOf("batch-job", "EC2").Properties;
        var fargateContainer = StackTemplate.Container(fargate);
        var gpuContainer = StackTemplate.Container(gpu);

        Assert.Equal("awsvpc", (string?)gpu["NetworkMode"]);
        Assert.Equal("1", (string?)gpuContainer["ResourceRequirements"]!.AsArray().Single(requirement => (string?)requirement!["Type"] == "GPU")!["Value"]);
        Assert.True(JsonNode.DeepEquals(fargate["TaskRoleArn"], gpu["TaskRoleArn"]));
        Assert.True(JsonNode.DeepEquals(fargate["ExecutionRoleArn"], gpu["ExecutionRoleArn"]));
        Assert.True(JsonNode.DeepEquals(fargateContainer["LogConfiguration"]!["Options"]!["awslogs-group"], gpuContainer["LogConfiguration"]!["Options"]!["awslogs-group"]));

        // Every app setting of the Fargate container, and besides only AWS_REGION (CDK adds it on EC2, where the
        // platform doesn't) and Model__Device (below).
        var fargateSettings = StackTemplate.Environment(fargateContainer);
        var gpuSettings = StackTemplate.Environment(gpuContainer);
        Assert.Equal(fargateSettings.Keys.Append("AWS_REGION").Append("Model__Device").Order(), gpuSettings.Keys.Order());
        Assert.All(fargateSettings, setting => Assert.True(JsonNode.DeepEquals(setting.Value, gpuSettings[setting.Key])));
    }

    [Fact]
    public void The_GPU_task_runs_the_CUDA_image_and_must_use_its_GPU_while_the_Fargate_task_keeps_the_CPU_image()
    {
        var fargateContainer = StackTemplate.Container(stacks.Gpu.TaskDefinitionOf("batch-job").Properties);
        var gpuContainer = StackTemplate.Container(stacks.Gpu.TaskDefinitionOf("batch-job", "EC2").Properties);
        var defaultContainer = StackTemplate.Container(stacks.Default.TaskDefinitionOf("batch-job").Properties);

        Assert.Contains(":" + ImageHash(stacks.Gpu, "src/MlApp.BatchJob/Dockerfile.gpu"), gpuContainer["Image"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(":" + ImageHash(stacks.Gpu, "src/MlApp.BatchJob/Dockerfile"), fargateContainer["Image"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(":" + ImageHash(stacks.Default, "src/MlApp.BatchJob/Dockerfile"), defaultContainer["Image"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.False(JsonNode.DeepEquals(fargateContainer["Image"], gpuContainer["Image"]));

        // cuda, not auto: on an instance whose GPU the task can't reach, it fails at start instead of running on the CPU.
        Assert.Equal("cuda", (string?)StackTemplate.Environment(gpuContainer)["Model__Device"]);
        Assert.False(StackTemplate.Environment(fargateContainer).ContainsKey("Model__Device"));
        Assert.False(StackTemplate.Environment(defaultContainer).ContainsKey("Model__Device"));
    }

    [Fact]
    public void With_the_GPU_option_the_web_starts_the_GPU_task_on_the_capacity_provider_without_a_public_IP()
    {
        var environment = StackTemplate.Environment(StackTemplate.Container(stacks.Gpu.TaskDefinitionOf("web").Properties));
        var defaults = StackTemplate.Environment(StackTemplate.Container(stacks.Default.TaskDefinitionOf("web").Properties));

        Assert.Equal(stacks.Gpu.TaskDefinitionOf("batch-job", "EC2").Id, StackTemplate.Target(environment["Batch__TaskDefinition"]));
        Assert.Equal(stacks.Gpu.Single("AWS::ECS::CapacityProvider").Id, StackTemplate.Target(environment["Batch__CapacityProvider"]));
        Assert.Equal("false", (string?)environment["Batch__AssignPublicIp"]);
        Assert.Equal(defaults.Keys.Append("Batch__CapacityProvider").Order(), environment.Keys.Order());
    }

    /// <summary>The image asset's hash (the tag CDK pushes it under) for the Dockerfile it is built from.</summary>
    private static string ImageHash(StackTemplate stack, string dockerfile) =>
        stack.DockerImages.Single(image => (string?)image.Value!["source"]!["dockerFile"] == dockerfile).Key;
}
