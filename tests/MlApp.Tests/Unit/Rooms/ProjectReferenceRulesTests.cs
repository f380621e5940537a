using MlApp.Tests.Support;

namespace MlApp.Tests.Unit.Rooms;

/// <summary>
/// The arrows between rooms that must never exist (ARCHITECTURE.md, "Rooms"), read from the project files, so that a
/// reference added for convenience fails here rather than surfacing as a layering problem months later.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ProjectReferenceRulesTests
{
    private static readonly string[] Apps = ["MlApp.Web", "MlApp.RealtimeFunction", "MlApp.BatchJob"];
    private static readonly string[] Hosting = ["MlApp.Hosting", "MlApp.Hosting.LocalAws", "MlApp.Hosting.Aws"];

    /// <summary>(from, to, why): <c>from</c> may not reach <c>to</c>, directly or through another project.</summary>
    public static TheoryData<string, string, string> Forbidden()
    {
        var rules = new TheoryData<string, string, string>();
        foreach (var plumbing in new[] { "MlApp.Jobs", "MlApp.Aws", "MlApp.Web" })
        {
            rules.Add("MlApp.Model", plumbing, "the model knows no plumbing and no screen");
        }

        rules.Add("MlApp.Jobs", "MlApp.Web", "the job store serves the web, not the other way round");
        rules.Add("MlApp.Aws", "MlApp.Jobs", "the AWS clients know nothing of jobs");
        foreach (var app in Apps)
        {
            foreach (var hosting in Hosting)
            {
                rules.Add(app, hosting, "application code never knows it is local or how it is deployed");
            }
        }

        rules.Add("MlApp.RealtimeFunction", "MlApp.Jobs", "the function needs only the model");
        rules.Add("MlApp.Hosting.LocalAws", "MlApp.Hosting.Aws", "run mode and publish mode stay apart");
        rules.Add("MlApp.Hosting.Aws", "MlApp.Hosting.LocalAws", "run mode and publish mode stay apart");
        return rules;
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void A_room_never_references_what_it_must_not_know(string from, string to, string why)
    {
        var graph = ProjectReferenceGraph.Read(RepositoryRoot.Combine("src"));
        Assert.Contains(from, graph.Projects);
        Assert.Contains(to, graph.Projects);

        var path = graph.PathBetween(from, to);

        Assert.True(path is null, $"{string.Join(" -> ", path ?? [])}: {why}.");
    }

    [Fact]
    public void The_graph_finds_a_reference_made_through_another_project()
    {
        var src = Directory.CreateTempSubdirectory("mlapp-rooms-").FullName;
        try
        {
            WriteProject(src, "A", "B");
            WriteProject(src, "B", "C");
            WriteProject(src, "C");

            var graph = ProjectReferenceGraph.Read(src);

            Assert.Equal(["A", "B", "C"], graph.PathBetween("A", "C"));
            Assert.Null(graph.PathBetween("C", "A"));
        }
        finally
        {
            Directory.Delete(src, recursive: true);
        }
    }

    private static void WriteProject(string src, string name, params string[] references)
    {
        var folder = Directory.CreateDirectory(Path.Combine(src, name)).FullName;
        var items = string.Concat(references.Select(reference => $"""<ProjectReference Include="..\{reference}\{reference}.csproj" />"""));
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""<Project Sdk="Microsoft.NET.Sdk"><ItemGroup>{items}</ItemGroup></Project>""");
    }
}
