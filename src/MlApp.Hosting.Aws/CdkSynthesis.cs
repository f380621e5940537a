using Amazon.CDK;
using MlApp.Hosting.Aws.Cdk;
using MlApp.Hosting.Aws.Topology;

namespace MlApp.Hosting.Aws;

/// <summary>Builds the CDK app from the topology and settings and writes the cloud assembly (templates and image assets).</summary>
public static class CdkSynthesis
{
    /// <summary>The environment variable the CDK CLI sets to say where it wants the cloud assembly.</summary>
    public const string CliOutdirVariable = "CDK_OUTDIR";

    /// <summary>
    /// Where to write: <c>cdk.out</c> in the pipeline's output folder, or where the CDK CLI asks. The CLI's path is
    /// relative to the folder it runs in, but Aspire runs the AppHost in its own project folder, so a relative path is
    /// taken relative to the output folder, which deploy/cdk.json points back at the CLI's folder.
    /// </summary>
    public static string OutputDirectory(string pipelineOutputDirectory) =>
        Path.GetFullPath(System.Environment.GetEnvironmentVariable(CliOutdirVariable) ?? "cdk.out", pipelineOutputDirectory);

    /// <returns>The path of the stack's template.</returns>
    public static string Synthesize(AppTopology topology, DeploymentSettings settings, string outdir)
    {
        DeploymentSettingsValidator.EnsureValid(settings);
        var app = new App(new AppProps
        {
            Outdir = outdir,
            // No AWS::CDK::Metadata resource: the template lists what the app runs on, nothing else.
            AnalyticsReporting = false,
        });
        var stack = new MlAppStack(app, topology, settings);
        var assembly = app.Synth();
        return Path.Combine(assembly.Directory, stack.TemplateFile);
    }
}
