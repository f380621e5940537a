// Pipeline steps and their output service are experimental in Aspire 13.6; they are the documented way to add a publish step.
#pragma warning disable ASPIREPIPELINES001, ASPIREPIPELINES004

using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlApp.Hosting.Aws.Topology;

namespace MlApp.Hosting.Aws;

/// <summary>The publish-mode pipeline step that turns the AppHost's model into a CDK cloud assembly.</summary>
public static class AwsDeploymentExtensions
{
    /// <summary>The step's name: <c>dotnet run --project src/MlApp.AppHost -- --operation publish --step aws-cdk</c>.</summary>
    public const string StepName = "aws-cdk";

    /// <summary>
    /// In publish mode, adds the <see cref="StepName"/> step: it reads the <c>Deploy</c> settings and the model and
    /// writes the cloud assembly (<see cref="CdkSynthesis.OutputDirectory"/>). Run mode: nothing.
    /// </summary>
    public static IDistributedApplicationBuilder AddAwsDeployment(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsPublishMode)
        {
            return builder;
        }

        builder.Pipeline.AddStep(StepName, context =>
        {
            var settings = ReadSettings(builder.Configuration);
            var topology = AppTopologyReader.Read(context.Model, RepositoryRoot.Above(builder.AppHostDirectory));
            var outdir = CdkSynthesis.OutputDirectory(context.Services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory());
            var template = CdkSynthesis.Synthesize(topology, settings, outdir);
            context.Logger.LogInformation("CDK template written to {Template}", template);
            if (settings.AlarmEmailOrNull is null)
            {
                context.Logger.LogWarning("Deploy:AlarmEmail is not set: the alarms will reach nobody and there is no cost budget (README, \"Alarms\")");
            }
            return Task.CompletedTask;
        }, requiredBy: WellKnownPipelineSteps.Publish);
        return builder;
    }

    /// <summary>The <c>Deploy</c> section, checked: an unknown key (a typo) is an error rather than a silently ignored setting.</summary>
    public static DeploymentSettings ReadSettings(IConfiguration configuration) => DeploymentSettingsValidator.EnsureValid(
        configuration.GetSection(DeploymentSettings.SectionName).Get<DeploymentSettings>(binder => binder.ErrorOnUnknownConfiguration = true)
        ?? new DeploymentSettings());
}
