using MlApp.Hosting.Aws;

namespace MlApp.Tests.Deployment;

/// <summary>Every deployment setting reaches the template; the defaults are checked by the other classes.</summary>
[Collection(DeploymentCollection.Name)]
[Trait("Category", "Deployment")]
public sealed class CustomSettingsTests(SynthesizedStacks stacks)
{
    private static readonly DeploymentSettings Settings = SynthesizedStacks.CustomSettings;

    [Fact]
    public void The_stack_name_names_the_template_and_the_task_families()
    {
        Assert.EndsWith($"{Settings.StackName}.template.json", stacks.Custom.Path, StringComparison.Ordinal);
        Assert.StartsWith(Settings.StackName + "-", (string?)stacks.Custom.TaskDefinitionOf("batch-job").Properties["Family"], StringComparison.Ordinal);
    }

    [Fact]
    public void Web_size_and_HTTPS_follow_the_settings()
    {
        var web = stacks.Custom.TaskDefinitionOf("web").Properties;
        var listeners = stacks.Custom.OfType("AWS::ElasticLoadBalancingV2::Listener").Select(listener => listener.Resource["Properties"]!).ToList();

        Assert.Equal(Settings.WebCpu.ToString(), (string?)web["Cpu"]);
        Assert.Equal(Settings.WebMemoryMiB.ToString(), (string?)web["Memory"]);
        var https = Assert.Single(listeners, listener => (int)listener["Port"]! == 443);
        Assert.Equal(Settings.CertificateArn, (string?)https["Certificates"]![0]!["CertificateArn"]);
        var http = Assert.Single(listeners, listener => (int)listener["Port"]! == 80);
        Assert.Equal("redirect", (string?)http["DefaultActions"]![0]!["Type"]);
    }

    [Fact]
    public void Function_memory_timeout_and_concurrency_follow_the_settings()
    {
        var function = stacks.Custom.Single("AWS::Lambda::Function").Resource["Properties"]!;
        var alias = stacks.Custom.Single("AWS::Lambda::Alias").Resource["Properties"]!;

        Assert.Equal(Settings.FunctionMemoryMiB, (int)function["MemorySize"]!);
        Assert.Equal(Settings.FunctionTimeoutSeconds, (int)function["Timeout"]!);
        Assert.Equal(Settings.FunctionProvisionedConcurrency, (int)alias["ProvisionedConcurrencyConfig"]!["ProvisionedConcurrentExecutions"]!);
        Assert.Equal(Settings.FunctionReservedConcurrency, (int)function["ReservedConcurrentExecutions"]!);
    }

    [Fact]
    public void Batch_size_cap_and_retention_follow_the_settings()
    {
        var batch = stacks.Custom.TaskDefinitionOf("batch-job").Properties;
        var web = StackTemplate.Environment(StackTemplate.Container(stacks.Custom.TaskDefinitionOf("web").Properties));
        var rules = stacks.Custom.Single("AWS::S3::Bucket").Resource["Properties"]!["LifecycleConfiguration"]!["Rules"]!.AsArray();

        Assert.Equal("16384", (string?)batch["Cpu"]);
        Assert.Equal("122880", (string?)batch["Memory"]);
        Assert.Equal(Settings.MaxBatchTasks.ToString(), (string?)web["Batch__MaxConcurrentTasks"]);
        Assert.Equal(Settings.InputRetentionDays, (int)rules.Single(rule => (string?)rule!["Id"] == "expire-inputs")!["ExpirationInDays"]!);
        Assert.Equal(Settings.ResultRetentionDays, (int)rules.Single(rule => (string?)rule!["Id"] == "expire-results")!["ExpirationInDays"]!);
    }
}
