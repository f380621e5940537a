using System.Xml.Linq;
using MlApp.Tests.Support;

namespace MlApp.Tests.Artifacts;

/// <summary>
/// How the artifacts are defined, read from the files: every image is in the tier's table and publishes with its
/// project's publish profile; and since the analyzers see only projects marked IsAotCompatible while native AOT sees
/// every project the function references, each of those is marked, so a plain build fails where the AOT publish would.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ArtifactDefinitionTests
{
    [Fact]
    public void The_function_and_every_project_it_references_run_the_aot_analyzers_in_every_build()
    {
        var projects = Closure(RepositoryRoot.Combine("src", "MlApp.RealtimeFunction", "MlApp.RealtimeFunction.csproj")).ToList();

        Assert.Contains(projects, project => project.EndsWith("MlApp.ServiceDefaults.csproj", StringComparison.Ordinal));
        Assert.All(projects, project => Assert.True(
            XDocument.Load(project).Descendants("IsAotCompatible").Any(element => element.Value == "true" && element.Parent?.Attribute("Condition") is null),
            $"{Path.GetFileName(project)} is not IsAotCompatible, so a plain build would not see what native AOT sees"));
    }

    [Fact]
    public void Every_Dockerfile_in_src_is_an_artifact_the_tier_publishes()
    {
        var dockerfiles = Directory.EnumerateFiles(RepositoryRoot.Combine("src"), "Dockerfile*", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(RepositoryRoot.Path, path).Replace(Path.DirectorySeparatorChar, '/'));

        Assert.Equal(dockerfiles.Order(), ImageArtifact.All.Select(artifact => artifact.Dockerfile).Order());
    }

    [Fact]
    public void Each_Dockerfile_restores_and_publishes_with_its_projects_publish_profile_into_the_image_folder()
    {
        foreach (var artifact in ImageArtifact.All)
        {
            var commands = DockerfileCommands.Read(RepositoryRoot.Combine(artifact.Dockerfile));

            Assert.Equal(["restore", "publish"], commands.Select(command => command[0]));
            Assert.All(commands, command => Assert.Equal($"src/{artifact.Project}", command[1]));
            var profile = commands.Select(command => command.Single(word => word.StartsWith("-p:PublishProfile=", StringComparison.Ordinal))).Distinct().Single();
            Assert.True(File.Exists(RepositoryRoot.Combine("src", artifact.Project, "Properties", "PublishProfiles", profile.Split('=')[1] + ".pubxml")), $"{artifact.Dockerfile}: no {profile}");
            Assert.Equal(["-o", DockerfileCommands.ImageOutput], commands[1][^2..]);
        }
    }

    private static IEnumerable<string> Closure(string project)
    {
        yield return project;
        foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
        {
            var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, reference.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar)));
            foreach (var referenced in Closure(path))
            {
                yield return referenced;
            }
        }
    }
}
