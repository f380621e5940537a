using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using MlApp.Hosting.Aws.Topology;
using MlApp.Hosting.LocalAws.Lambda;
using RepositoryRoot = MlApp.Tests.Support.RepositoryRoot;

namespace MlApp.Tests.Deployment;

/// <summary>What the deployment reads from the AppHost's model: each project's role comes from its annotations.</summary>
[Collection(DeploymentCollection.Name)]
[Trait("Category", "Deployment")]
public sealed class AppTopologyReaderTests(SynthesizedStacks stacks)
{
    [Fact]
    public void The_real_AppHost_reads_as_web_function_and_batch_task_with_their_callers()
    {
        var topology = stacks.Topology;

        Assert.Equal(RepositoryRoot.Path, topology.RepositoryRoot);
        Assert.Equal(new AppProject("web", "src/MlApp.Web/MlApp.Web.csproj", UsesJobStore: true, "realtime-function", "batch-job"), topology.Web);
        Assert.Equal(new FunctionApp(new AppProject("realtime-function", "src/MlApp.RealtimeFunction/MlApp.RealtimeFunction.csproj", true, null, null), TimeSpan.FromSeconds(30)), topology.Function);
        Assert.Equal(new TaskApp(new AppProject("batch-job", "src/MlApp.BatchJob/MlApp.BatchJob.csproj", true, null, null), "batch-job"), topology.Batch);
        Assert.Equal("src/MlApp.Web/Dockerfile", topology.Web.Dockerfile);
    }

    [Fact]
    public void A_project_the_deployment_cannot_place_stops_it_with_its_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AppTopologyReader.Read(Model(builder => builder.AddProject("worker", Project("MlApp.BatchJob"))), RepositoryRoot.Path));

        Assert.Contains("'worker'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_function_stops_it_instead_of_being_left_out()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AppTopologyReader.Read(Model(builder =>
        {
            builder.AddProject("one", Project("MlApp.RealtimeFunction")).AsLambdaFunction(TimeSpan.FromSeconds(5));
            builder.AddProject("two", Project("MlApp.RealtimeFunction")).AsLambdaFunction(TimeSpan.FromSeconds(5));
        }), RepositoryRoot.Path));

        Assert.Contains("one, two", error.Message, StringComparison.Ordinal);
    }

    private static DistributedApplicationModel Model(Action<IDistributedApplicationBuilder> add)
    {
        var builder = DistributedApplication.CreateBuilder(["--operation", "publish"]);
        add(builder);
        return new DistributedApplicationModel(builder.Resources);
    }

    private static string Project(string name) => RepositoryRoot.Combine("src", name, name + ".csproj");
}
