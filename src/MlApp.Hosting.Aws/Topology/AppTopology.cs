namespace MlApp.Hosting.Aws.Topology;

/// <summary>What the AppHost's model becomes in AWS: one web service, one Lambda function, one RunTask batch task.</summary>
/// <param name="RepositoryRoot">The folder with MlApp.sln: the build context of every image.</param>
public sealed record AppTopology(string RepositoryRoot, AppProject Web, FunctionApp Function, TaskApp Batch)
{
    public IEnumerable<AppProject> Projects => [Web, Function.Project, Batch.Project];
}

/// <summary>A project that runs as a Lambda function (<c>AsLambdaFunction</c>).</summary>
public sealed record FunctionApp(AppProject Project, TimeSpan Timeout);

/// <summary>A project that runs as an ECS task definition family, started by RunTask (<c>AsEcsTask</c>).</summary>
public sealed record TaskApp(AppProject Project, string Family);
