namespace MlApp.Tests.Deployment;

[Collection(DeploymentCollection.Name)]
[Trait("Category", "Deployment")]
public sealed class LogTemplateTests(SynthesizedStacks stacks)
{
    public static TheoryData<string> Variants => ["default", "gpu", "custom"];

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_log_group_has_the_configured_retention_and_goes_with_the_stack(string variant)
    {
        var (template, days) = variant switch
        {
            "default" => (stacks.Default, 30),
            "gpu" => (stacks.Gpu, 30),
            _ => (stacks.Custom, SynthesizedStacks.CustomSettings.LogRetentionDays),
        };
        var groups = template.OfType("AWS::Logs::LogGroup").ToList();

        Assert.Equal(3, groups.Count);
        Assert.All(groups, group => Assert.Equal(days, (int)group.Resource["Properties"]!["RetentionInDays"]!));
        Assert.All(groups, group => Assert.Equal("Delete", (string?)group.Resource["DeletionPolicy"]));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_container_and_the_function_log_to_a_group_of_the_stack(string variant)
    {
        var template = variant switch { "default" => stacks.Default, "gpu" => stacks.Gpu, _ => stacks.Custom };
        var groups = template.OfType("AWS::Logs::LogGroup").Select(group => group.Id).ToHashSet();

        var containers = template.OfType("AWS::ECS::TaskDefinition")
            .SelectMany(definition => definition.Resource["Properties"]!["ContainerDefinitions"]!.AsArray())
            .ToList();
        Assert.All(containers, container => Assert.Contains(StackTemplate.Target(container!["LogConfiguration"]!["Options"]!["awslogs-group"]), groups));
        Assert.Contains(StackTemplate.Target(template.Single("AWS::Lambda::Function").Resource["Properties"]!["LoggingConfig"]!["LogGroup"]), groups);
    }
}
