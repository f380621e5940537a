namespace MlApp.Tests.Deployment;

[Collection(DeploymentCollection.Name)]
[Trait("Category", "Deployment")]
public sealed class RealtimeTemplateTests(SynthesizedStacks stacks)
{
    [Fact]
    public void The_function_is_an_x86_container_image_with_the_timeout_the_AppHost_gives_it()
    {
        var function = stacks.Default.Single("AWS::Lambda::Function").Resource["Properties"]!;

        Assert.Equal("Image", (string?)function["PackageType"]);
        Assert.Equal("x86_64", (string?)function["Architectures"]![0]);
        Assert.Equal(1024, (int)function["MemorySize"]!);
        Assert.Equal((int)stacks.Topology.Function.Timeout.TotalSeconds, (int)function["Timeout"]!);
        Assert.Contains(".dkr.ecr.", function["Code"]!["ImageUri"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Callers_reach_the_function_through_the_alias_live_without_provisioned_concurrency_by_default()
    {
        var (functionId, _) = stacks.Default.Single("AWS::Lambda::Function");
        var (versionId, version) = stacks.Default.Single("AWS::Lambda::Version");
        var alias = stacks.Default.Single("AWS::Lambda::Alias").Resource["Properties"]!;

        Assert.Equal("live", (string?)alias["Name"]);
        Assert.Equal(functionId, StackTemplate.Target(alias["FunctionName"]));
        Assert.Equal(versionId, StackTemplate.Target(alias["FunctionVersion"]));
        Assert.Equal(functionId, StackTemplate.Target(version["Properties"]!["FunctionName"]));
        Assert.Null(alias["ProvisionedConcurrencyConfig"]);
    }

    [Fact]
    public void The_function_logs_to_its_own_group_and_its_role_writes_only_there()
    {
        var (_, function) = stacks.Default.Single("AWS::Lambda::Function");
        var logGroupId = StackTemplate.Target(function["Properties"]!["LoggingConfig"]!["LogGroup"]);
        var roleId = StackTemplate.Target(function["Properties"]!["Role"]);

        var role = stacks.Default.Properties(roleId);
        Assert.Null(role["ManagedPolicyArns"]);
        var statement = Assert.Single(stacks.Default.StatementsOf(roleId));
        Assert.Equal(["logs:CreateLogStream", "logs:PutLogEvents"], statement.Actions.Order());
        Assert.Equal(logGroupId, StackTemplate.Target(Assert.Single(statement.Resources)));
    }
}
