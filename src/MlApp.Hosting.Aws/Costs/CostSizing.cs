using MlApp.Costs;

namespace MlApp.Hosting.Aws.Costs;

/// <summary>The cost model's view of the <c>Deploy</c> settings: the sizes that are billed, in the units AWS bills them.</summary>
public static class CostSizing
{
    public static CostInputs From(DeploymentSettings deploy) => CostInputs.Default with
    {
        WebVcpu = deploy.WebCpu / 1024m,
        WebMemoryGb = deploy.WebMemoryMiB / 1024m,
        // Idle is what autoscaling keeps at its floor.
        WebTaskCount = deploy.WebMinTasks,
        FunctionMemoryMb = deploy.FunctionMemoryMiB,
        ProvisionedConcurrency = deploy.FunctionProvisionedConcurrency,
        BatchVcpu = deploy.BatchCpu / 1024m,
        BatchMemoryGb = deploy.BatchMemoryMiB / 1024m,
        BatchGpu = deploy.GpuEnabled,
        GpuInstanceType = deploy.GpuInstanceType,
        LogRetentionDays = deploy.LogRetentionDays,
    };

    /// <summary>
    /// The same sizes as the web's <c>Costs__*</c> settings, so the page's estimate describes the deployment it runs in;
    /// the AppHost sets them locally and the stack in AWS.
    /// </summary>
    public static IReadOnlyDictionary<string, string> WebSettings(DeploymentSettings deploy)
    {
        var sizing = From(deploy);
        return new Dictionary<string, string>
        {
            ["Costs__WebVcpu"] = Text(sizing.WebVcpu),
            ["Costs__WebMemoryGb"] = Text(sizing.WebMemoryGb),
            ["Costs__WebTaskCount"] = Text(sizing.WebTaskCount),
            ["Costs__FunctionMemoryMb"] = Text(sizing.FunctionMemoryMb),
            ["Costs__ProvisionedConcurrency"] = Text(sizing.ProvisionedConcurrency),
            ["Costs__BatchVcpu"] = Text(sizing.BatchVcpu),
            ["Costs__BatchMemoryGb"] = Text(sizing.BatchMemoryGb),
            ["Costs__BatchGpu"] = sizing.BatchGpu ? "true" : "false",
            ["Costs__GpuInstanceType"] = sizing.GpuInstanceType,
            ["Costs__LogRetentionDays"] = Text(sizing.LogRetentionDays),
        };
    }

    private static string Text(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
