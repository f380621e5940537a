using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using MlApp.Hosting.Aws.Topology;

namespace MlApp.Tests.Deployment;

/// <summary>The real AppHost's model in publish mode, as the deployment step sees it.</summary>
internal static class AppHostModels
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromSeconds(60);

    public static async Task<AppTopology> PublishTopologyAsync()
    {
        using var timeout = new CancellationTokenSource(BuildTimeout);
        // Not built: a built app that never started takes 30 s to dispose, and the resources are all the step reads.
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.MlApp_AppHost>(["--operation", "publish"], timeout.Token);
        Assert.True(builder.ExecutionContext.IsPublishMode);
        return AppTopologyReader.Read(new DistributedApplicationModel(builder.Resources), RepositoryRoot.Above(builder.AppHostDirectory));
    }
}
