using Microsoft.Extensions.Configuration;
using MlApp.Hosting.Aws;
using MlApp.Hosting.Aws.Costs;
using MlApp.Costs;

namespace MlApp.Tests.Unit.Costs;

/// <summary>The cost estimate is of the deployment the <c>Deploy</c> settings describe, and the web shows the same one.</summary>
[Trait("Category", "Unit")]
public sealed class CostSizingTests
{
    [Fact]
    public void The_default_deployment_is_priced_as_the_cost_model_default()
    {
        var sizing = CostSizing.From(new DeploymentSettings());

        Assert.Equal(CostInputs.Default, sizing);
        Assert.Equal(CostModel.Estimate().IdleMonthly, CostModel.Estimate(sizing).IdleMonthly);
    }

    [Fact]
    public void Bigger_tasks_and_provisioned_concurrency_are_priced_in_the_units_aws_bills()
    {
        var sizing = CostSizing.From(new DeploymentSettings
        {
            WebCpu = 512, WebMemoryMiB = 1024, WebMinTasks = 2, FunctionMemoryMiB = 2048, FunctionProvisionedConcurrency = 1,
            BatchCpu = 8192, BatchMemoryMiB = 32768, GpuEnabled = true, GpuInstanceType = "g5.2xlarge", LogRetentionDays = 7,
        });

        Assert.Equal((0.5m, 1m, 2, 2048, 1), (sizing.WebVcpu, sizing.WebMemoryGb, sizing.WebTaskCount, sizing.FunctionMemoryMb, sizing.ProvisionedConcurrency));
        Assert.Equal((8m, 32m, true, "g5.2xlarge", 7), (sizing.BatchVcpu, sizing.BatchMemoryGb, sizing.BatchGpu, sizing.GpuInstanceType, sizing.LogRetentionDays));
    }

    [Fact]
    public void The_web_settings_bind_back_to_the_same_sizes_the_way_the_web_reads_them()
    {
        var deploy = new DeploymentSettings { WebMinTasks = 3, BatchCpu = 2048, BatchMemoryMiB = 8192, GpuEnabled = true };

        var web = new ConfigurationBuilder()
            .AddInMemoryCollection(CostSizing.WebSettings(deploy).Select(setting => new KeyValuePair<string, string?>(setting.Key.Replace("__", ":"), setting.Value)))
            .Build()
            .GetSection(MlApp.Web.Costs.CostHosting.SectionName)
            .Get<CostInputs>(binder => binder.ErrorOnUnknownConfiguration = true);

        Assert.Equal(CostSizing.From(deploy), web);
    }
}
