using Microsoft.Extensions.Configuration;
using MlApp.AppHost.Deployment;

namespace MlApp.Tests.Deployment;

/// <summary>The Deploy section: defaults, binding and validation. No CDK involved.</summary>
[Trait("Category", "Deployment")]
public sealed class DeploymentSettingsTests
{
    [Fact]
    public void The_defaults_are_the_documented_ones_and_valid()
    {
        var settings = new DeploymentSettings();

        Assert.Equal((256, 512, 1), (settings.WebCpu, settings.WebMemoryMiB, settings.WebDesiredCount));
        Assert.Equal((1024, (int?)null, 0), (settings.FunctionMemoryMiB, settings.FunctionTimeoutSeconds, settings.FunctionProvisionedConcurrency));
        Assert.Equal((4096, 16384, 4), (settings.BatchCpu, settings.BatchMemoryMiB, settings.MaxBatchTasks));
        Assert.Equal((30, 7, 30), (settings.LogRetentionDays, settings.InputRetentionDays, settings.ResultRetentionDays));
        Assert.Equal((false, "g5.xlarge"), (settings.GpuEnabled, settings.GpuInstanceType));
        Assert.Empty(DeploymentSettingsValidator.Problems(settings));
    }

    [Fact]
    public void Settings_bind_from_the_Deploy_section_of_configuration()
    {
        var settings = AwsDeploymentExtensions.ReadSettings(Configuration(new()
        {
            ["Deploy:WebDesiredCount"] = "3",
            ["Deploy:FunctionTimeoutSeconds"] = "20",
            ["Deploy:GpuEnabled"] = "true",
            ["Deploy:BatchCpu"] = "16384",
            ["Deploy:BatchMemoryMiB"] = "122880",
        }));

        Assert.Equal(new DeploymentSettings { WebDesiredCount = 3, FunctionTimeoutSeconds = 20, GpuEnabled = true, BatchCpu = 16384, BatchMemoryMiB = 122880 }, settings);
    }

    [Fact]
    public void A_misspelt_setting_fails_instead_of_being_ignored()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AwsDeploymentExtensions.ReadSettings(Configuration(new() { ["Deploy:WebDesiredCnt"] = "3" })));

        Assert.Contains("WebDesiredCnt", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(16384, 122880, true)]
    [InlineData(16384, 131072, false)]
    [InlineData(16384, 36864, false)]
    [InlineData(4096, 30720, true)]
    [InlineData(256, 512, true)]
    [InlineData(256, 1536, false)]
    [InlineData(32768, 65536, false)]
    public void Batch_size_is_one_Fargate_accepts_up_to_16_vCPU_and_120_GB(int cpu, int memory, bool valid)
    {
        var problems = DeploymentSettingsValidator.Problems(new DeploymentSettings { BatchCpu = cpu, BatchMemoryMiB = memory });

        Assert.Equal(valid, problems.Count == 0);
        Assert.All(problems, problem => Assert.StartsWith("Deploy:BatchCpu/BatchMemoryMiB", problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DeploymentSettingsValidator.EnsureValid(new DeploymentSettings
        {
            StackName = "1-bad",
            WebDesiredCount = 0,
            FunctionMemoryMiB = 64,
            FunctionTimeoutSeconds = 901,
            LogRetentionDays = 31,
            InputRetentionDays = 0,
            GpuInstanceType = "big gpu",
        }));

        foreach (var setting in new[] { "StackName", "WebDesiredCount", "FunctionMemoryMiB", "FunctionTimeoutSeconds", "LogRetentionDays", "InputRetentionDays", "GpuInstanceType" })
        {
            Assert.Contains($"Deploy:{setting}:", error.Message, StringComparison.Ordinal);
        }
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
