using System.Text.Json.Nodes;
using MlApp.Hosting.Aws.Topology;

namespace MlApp.Tests.Deployment;

/// <summary>
/// Docker can't run here, so the images are checked where they can be: each build context CDK stages holds its
/// Dockerfile and everything that Dockerfile copies, and nothing of a developer's build output.
/// </summary>
[Collection(DeploymentCollection.Name)]
[Trait("Category", "Deployment")]
public sealed class ImageAssetTests(SynthesizedStacks stacks)
{
    [Fact]
    public void Each_image_is_built_from_its_projects_Dockerfile_for_x86_64()
    {
        var images = Images().ToList();

        Assert.Equal(stacks.Topology.Projects.Select(project => project.Dockerfile).Order(), images.Select(image => image.Dockerfile).Order());
        Assert.All(images, image => Assert.Equal("linux/amd64", image.Platform));
    }

    [Fact]
    public void With_the_GPU_option_the_batch_app_gets_one_more_image_from_its_Dockerfile_gpu_for_x86_64()
    {
        var images = Images(stacks.Gpu).ToList();

        Assert.Equal(stacks.Topology.Projects.Select(project => project.Dockerfile).Append("src/MlApp.BatchJob/Dockerfile.gpu").Order(),
            images.Select(image => image.Dockerfile).Order());
        Assert.All(images, image => Assert.Equal("linux/amd64", image.Platform));
    }

    [Fact]
    public void Each_staged_context_holds_what_its_Dockerfile_copies_and_only_its_own_projects()
    {
        foreach (var project in stacks.Topology.Projects)
        {
            AssertContextFits(Images().Single(image => image.Dockerfile == project.Dockerfile), project);
        }
    }

    [Fact]
    public void The_GPU_images_staged_context_holds_what_Dockerfile_gpu_copies_and_only_the_batch_apps_projects()
    {
        var batch = stacks.Topology.Batch.Project;

        AssertContextFits(Images(stacks.Gpu).Single(image => image.Dockerfile == $"{batch.Directory}/Dockerfile.gpu"), batch);
    }

    [Fact]
    public void No_staged_context_carries_build_output_or_npm_packages()
    {
        var folders = Images().SelectMany(image => Directory.EnumerateDirectories(image.Context, "*", SearchOption.AllDirectories)).ToList();

        Assert.NotEmpty(folders);
        Assert.DoesNotContain(folders, folder => Path.GetFileName(folder) is "bin" or "obj" or "node_modules");
    }

    private void AssertContextFits((string Context, string Dockerfile, string Platform) image, AppProject project)
    {
        var sources = CopySources(File.ReadAllLines(Path.Combine(image.Context, image.Dockerfile))).ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.True(File.Exists(Path.Combine(image.Context, source)) || Directory.Exists(Path.Combine(image.Context, source)),
            $"{image.Dockerfile} copies {source}, which its build context lacks"));
        Assert.Equal(ProjectClosure.Directories(stacks.Topology.RepositoryRoot, project.ProjectPath).Order(),
            Directory.GetDirectories(Path.Combine(image.Context, "src")).Select(directory => "src/" + Path.GetFileName(directory)).Order());
    }

    /// <summary>Every COPY source that comes from the build context (not from another stage).</summary>
    private static IEnumerable<string> CopySources(IEnumerable<string> dockerfile) =>
        from line in dockerfile
        let words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        where words.Length > 2 && words[0] == "COPY" && !words.Any(word => word.StartsWith("--from=", StringComparison.Ordinal))
        let paths = words.Skip(1).Where(word => !word.StartsWith("--", StringComparison.Ordinal)).ToList()
        from source in paths.Take(paths.Count - 1)
        select source.TrimEnd('/');

    private IEnumerable<(string Context, string Dockerfile, string Platform)> Images(StackTemplate? stack = null)
    {
        var template = stack ?? stacks.Default;
        var assembly = Path.GetDirectoryName(template.Path)!;
        return template.DockerImages.Select(image => (
            Path.Combine(assembly, (string)image.Value!["source"]!["directory"]!),
            (string)image.Value["source"]!["dockerFile"]!,
            (string)image.Value["source"]!["platform"]!));
    }
}
