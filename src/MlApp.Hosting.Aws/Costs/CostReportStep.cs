// Pipeline steps are experimental in Aspire 13.6; they are the documented way to add a publish step.
#pragma warning disable ASPIREPIPELINES001

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using MlApp.Costs;

using MlApp.Costs.Report;
namespace MlApp.Hosting.Aws.Costs;

/// <summary>
/// <c>dotnet run --project src/MlApp.AppHost -- --operation publish --step cost</c>: prints what the deployment the
/// <c>Deploy</c> settings describe would cost, idle and per use, before anything is deployed.
/// </summary>
public static class CostReportStep
{
    public const string StepName = "cost";

    public static IDistributedApplicationBuilder AddCostReport(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsPublishMode)
        {
            return builder;
        }

        builder.Pipeline.AddStep(StepName, context =>
        {
            var estimate = CostModel.Estimate(CostSizing.From(AwsDeploymentExtensions.ReadSettings(builder.Configuration)));
            // The table is the step's product: on stdout, whole, for a person to read or a script to keep.
            Console.Out.WriteLine(CostReport.Render(estimate));
            context.Logger.LogInformation("Idle estimate {IdleMonthly:0.00} USD a month; one always-on {Vm} would be {Ratio:0.0}x that", estimate.IdleMonthly, estimate.Vm.Instance.Type, estimate.Vm.Ratio);
            return Task.CompletedTask;
        });
        return builder;
    }

    /// <summary>Locally, the web gets the sizes the deployment would have, so its cost page shows the same estimate.</summary>
    public static IResourceBuilder<ProjectResource> WithCostSettings(this IResourceBuilder<ProjectResource> web)
    {
        foreach (var (name, value) in CostSizing.WebSettings(AwsDeploymentExtensions.ReadSettings(web.ApplicationBuilder.Configuration)))
        {
            web.WithEnvironment(name, value);
        }

        return web;
    }
}
