namespace MlApp.Tests.Deployment;

/// <summary>What makes a bad deploy undoable: function versions that outlive the deploy that replaced them, and the web's circuit breaker.</summary>
[Collection(DeploymentCollection.Name)]
[Trait("Category", "Deployment")]
public sealed class RollbackTemplateTests(SynthesizedStacks stacks)
{
    [Fact]
    public void A_replaced_function_version_is_kept_so_live_can_point_back_at_it()
    {
        var (_, version) = stacks.Default.Single("AWS::Lambda::Version");

        Assert.Equal("Retain", (string?)version["DeletionPolicy"]);
        Assert.Equal("Retain", (string?)version["UpdateReplacePolicy"]);
    }

    [Fact]
    public void A_changed_function_publishes_a_new_version_that_live_moves_to()
    {
        // The version's logical id is a hash of the function's configuration, image included: a change means a new
        // resource, so CloudFormation publishes a version, and the alias follows it.
        var defaultVersion = stacks.Default.Single("AWS::Lambda::Version").Id;
        var customVersion = stacks.Custom.Single("AWS::Lambda::Version").Id;
        var customAlias = stacks.Custom.Single("AWS::Lambda::Alias").Resource["Properties"]!;

        Assert.NotEqual(defaultVersion, customVersion);
        Assert.Equal(customVersion, StackTemplate.Target(customAlias["FunctionVersion"]));
    }

    [Fact]
    public void The_function_name_is_an_output_for_the_rollback_command()
    {
        var (functionId, _) = stacks.Default.Single("AWS::Lambda::Function");

        Assert.Equal(functionId, StackTemplate.Target(stacks.Default.Root["Outputs"]!["FunctionName"]!["Value"]));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("custom")]
    public void A_web_deployment_whose_tasks_never_get_healthy_rolls_back_by_itself(string variant)
    {
        var template = variant == "default" ? stacks.Default : stacks.Custom;
        var breaker = template.Single("AWS::ECS::Service").Resource["Properties"]!["DeploymentConfiguration"]!["DeploymentCircuitBreaker"]!;

        Assert.True((bool)breaker["Enable"]!);
        Assert.True((bool)breaker["Rollback"]!);
    }
}
