using Microsoft.Extensions.Configuration;
using MlApp.Hosting.Aws;

namespace MlApp.Tests.Deployment;

/// <summary>The Deploy section: defaults, binding and validation. No CDK involved.</summary>
[Trait("Category", "Deployment")]
public sealed class DeploymentSettingsTests
{
    [Fact]
    public void The_defaults_are_the_documented_ones_and_valid()
    {
        var settings = new DeploymentSettings();

        Assert.Equal((256, 512), (settings.WebCpu, settings.WebMemoryMiB));
        Assert.Equal((1, 4, 60, 600), (settings.WebMinTasks, settings.WebMaxTasks, settings.WebCpuTargetPercent, settings.WebRequestsPerTarget));
        Assert.Equal((1024, (int?)null, 0, (int?)null),
            (settings.FunctionMemoryMiB, settings.FunctionTimeoutSeconds, settings.FunctionProvisionedConcurrency, settings.FunctionReservedConcurrency));
        Assert.Equal((4096, 16384, 4), (settings.BatchCpu, settings.BatchMemoryMiB, settings.MaxBatchTasks));
        Assert.Equal((30, 7, 30), (settings.LogRetentionDays, settings.InputRetentionDays, settings.ResultRetentionDays));
        Assert.Equal((false, "g5.xlarge"), (settings.GpuEnabled, settings.GpuInstanceType));
        Assert.Equal(((string?)null, 50), (settings.AlarmEmail, settings.MonthlyBudgetUsd));
        Assert.Equal(((string?)null, "http/protobuf"), (settings.OtlpEndpoint, settings.OtlpProtocol));
        Assert.Empty(DeploymentSettingsValidator.Problems(settings));
    }

    [Fact]
    public void Settings_bind_from_the_Deploy_section_of_configuration()
    {
        var settings = AwsDeploymentExtensions.ReadSettings(Configuration(new()
        {
            ["Deploy:WebMaxTasks"] = "3",
            ["Deploy:FunctionTimeoutSeconds"] = "20",
            ["Deploy:GpuEnabled"] = "true",
            ["Deploy:BatchCpu"] = "16384",
            ["Deploy:BatchMemoryMiB"] = "122880",
        }));

        Assert.Equal(new DeploymentSettings { WebMaxTasks = 3, FunctionTimeoutSeconds = 20, GpuEnabled = true, BatchCpu = 16384, BatchMemoryMiB = 122880 }, settings);
    }

    [Fact]
    public void A_misspelt_setting_fails_instead_of_being_ignored()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AwsDeploymentExtensions.ReadSettings(Configuration(new() { ["Deploy:WebDesiredCnt"] = "3" })));

        Assert.Contains("WebDesiredCnt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_desired_count_that_autoscaling_replaced_fails_instead_of_being_ignored()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AwsDeploymentExtensions.ReadSettings(Configuration(new() { ["Deploy:WebDesiredCount"] = "3" })));

        Assert.Contains("WebDesiredCount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_email_or_collector_means_none_as_an_empty_variable_would_clear_them()
    {
        var settings = AwsDeploymentExtensions.ReadSettings(Configuration(new() { ["Deploy:AlarmEmail"] = "", ["Deploy:OtlpEndpoint"] = " " }));

        Assert.Null(settings.AlarmEmailOrNull);
        Assert.Null(settings.OtlpEndpointOrNull);
    }

    public static TheoryData<string, DeploymentSettings> InvalidOperationSettings => new()
    {
        { "WebMaxTasks", new DeploymentSettings { WebMinTasks = 3, WebMaxTasks = 2 } },
        { "WebMinTasks", new DeploymentSettings { WebMinTasks = 0 } },
        { "WebCpuTargetPercent", new DeploymentSettings { WebCpuTargetPercent = 95 } },
        { "WebRequestsPerTarget", new DeploymentSettings { WebRequestsPerTarget = 0 } },
        { "FunctionReservedConcurrency", new DeploymentSettings { FunctionReservedConcurrency = 0 } },
        { "FunctionReservedConcurrency", new DeploymentSettings { FunctionProvisionedConcurrency = 5, FunctionReservedConcurrency = 4 } },
        { "AlarmEmail", new DeploymentSettings { AlarmEmail = "me at example.com" } },
        { "AlarmEmail", new DeploymentSettings { AlarmEmail = "a@example.com, b@example.com" } },
        { "MonthlyBudgetUsd", new DeploymentSettings { MonthlyBudgetUsd = 0 } },
        { "OtlpEndpoint", new DeploymentSettings { OtlpEndpoint = "collector:4318" } },
        { "OtlpProtocol", new DeploymentSettings { OtlpEndpoint = "http://collector:4318", OtlpProtocol = "http/json" } },
    };

    [Theory]
    [MemberData(nameof(InvalidOperationSettings))]
    public void Scaling_alarm_budget_and_telemetry_settings_are_checked(string setting, DeploymentSettings settings)
    {
        var problem = Assert.Single(DeploymentSettingsValidator.Problems(settings));

        Assert.StartsWith($"Deploy:{setting}:", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reserved_concurrency_that_holds_the_provisioned_instances_is_valid()
    {
        Assert.Empty(DeploymentSettingsValidator.Problems(new DeploymentSettings { FunctionProvisionedConcurrency = 5, FunctionReservedConcurrency = 5 }));
        Assert.Empty(DeploymentSettingsValidator.Problems(new DeploymentSettings { AlarmEmail = "ml-team@example.com", OtlpEndpoint = "http://10.0.0.5:4317", OtlpProtocol = "grpc" }));
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
            WebMinTasks = 0,
            FunctionMemoryMiB = 64,
            FunctionTimeoutSeconds = 901,
            LogRetentionDays = 31,
            InputRetentionDays = 0,
            GpuInstanceType = "big gpu",
        }));

        foreach (var setting in new[] { "StackName", "WebMinTasks", "FunctionMemoryMiB", "FunctionTimeoutSeconds", "LogRetentionDays", "InputRetentionDays", "GpuInstanceType" })
        {
            Assert.Contains($"Deploy:{setting}:", error.Message, StringComparison.Ordinal);
        }
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
