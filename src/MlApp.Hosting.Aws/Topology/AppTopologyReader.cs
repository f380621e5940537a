namespace MlApp.Hosting.Aws.Topology;

/// <summary>
/// Reads the AppHost's model the way the deployment needs it: resource types and annotations decide what each project
/// becomes, so the topology is written once, in AppHost.cs, for both modes.
/// </summary>
public static class AppTopologyReader
{
    public static AppTopology Read(DistributedApplicationModel model, string repositoryRoot)
    {
        var projects = model.Resources.OfType<ProjectResource>().ToList();
        var functions = projects.Where(project => project.HasAnnotationOfType<LambdaFunctionAnnotation>()).ToList();
        var tasks = projects.Where(project => project.HasAnnotationOfType<EcsTaskAnnotation>()).ToList();

        // The rest serve HTTP; only a project reachable from outside belongs behind the load balancer.
        var services = projects.Except(functions).Except(tasks).ToList();
        if (services.FirstOrDefault(project => !HasExternalHttpEndpoint(project)) is { } unknown)
        {
            throw new InvalidOperationException(
                $"'{unknown.Name}' is neither a Lambda function, an ECS task nor a web service with an external HTTP endpoint: the deployment doesn't know what it becomes in AWS.");
        }

        var function = Single(functions, "Lambda function (AsLambdaFunction)");
        var task = Single(tasks, "ECS task (AsEcsTask)");
        var topology = new AppTopology(
            repositoryRoot,
            Describe(Single(services, "web service (WithExternalHttpEndpoints)"), repositoryRoot),
            new FunctionApp(Describe(function, repositoryRoot), function.Annotations.OfType<LambdaFunctionAnnotation>().Single().Timeout),
            new TaskApp(Describe(task, repositoryRoot), task.Annotations.OfType<EcsTaskAnnotation>().Single().Family));

        foreach (var project in topology.Projects)
        {
            Require(project.InvokesFunction is null || project.InvokesFunction == topology.Function.Project.Name, project, "invokes");
            Require(project.RunsTask is null || project.RunsTask == topology.Batch.Project.Name, project, "runs");
        }

        return topology;
    }

    private static AppProject Describe(ProjectResource project, string repositoryRoot) => new(
        project.Name,
        Path.GetRelativePath(repositoryRoot, project.GetProjectMetadata().ProjectPath).Replace('\\', '/'),
        project.HasAnnotationOfType<JobStoreAnnotation>(),
        project.Annotations.OfType<FunctionCallerAnnotation>().SingleOrDefault()?.Function.Name,
        project.Annotations.OfType<EcsTaskCallerAnnotation>().SingleOrDefault()?.Task.Name);

    private static bool HasExternalHttpEndpoint(ProjectResource project) =>
        project.Annotations.OfType<EndpointAnnotation>().Any(endpoint => endpoint.IsExternal && endpoint.UriScheme is "http" or "https");

    private static ProjectResource Single(List<ProjectResource> found, string what) => found.Count == 1
        ? found[0]
        : throw new InvalidOperationException(
            $"The deployment builds exactly one {what}; the model has {found.Count}: {string.Join(", ", found.Select(project => project.Name))}.");

    private static void Require(bool ok, AppProject project, string verb)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"'{project.Name}' {verb} a resource the deployment doesn't build.");
        }
    }
}
