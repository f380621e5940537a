namespace MlApp.Hosting.Aws.Topology;

/// <summary>
/// One project of the AppHost's model as the deployment sees it: where it lives, and what its annotations ask for.
/// </summary>
/// <param name="Name">The Aspire resource name, e.g. <c>web</c>.</param>
/// <param name="ProjectPath">The .csproj, relative to the repository root with '/' separators.</param>
/// <param name="UsesJobStore">Gets the job settings (<c>WithLocalAws</c>).</param>
/// <param name="InvokesFunction">The function it invokes (<c>WithFunction</c>), if any.</param>
/// <param name="RunsTask">The ECS task it starts (<c>WithEcs</c>), if any.</param>
public sealed record AppProject(string Name, string ProjectPath, bool UsesJobStore, string? InvokesFunction, string? RunsTask)
{
    /// <summary>The project's folder, where its Dockerfile sits.</summary>
    public string Directory => ProjectPath[..ProjectPath.LastIndexOf('/')];

    public string Dockerfile => $"{Directory}/Dockerfile";
}
