using MlApp.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MlApp.Tests.Unit.Workflows;

/// <summary>The CI/CD templates a scientist copies into a fork: valid YAML, the same test command as our CI, no long-lived keys.</summary>
[Trait("Category", "Unit")]
public sealed class WorkflowTests
{
    private const string TestCommand = "dotnet test MlApp.sln";

    private static YamlMappingNode Load(params string[] path)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(RepositoryRoot.Combine(path))));
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node)[key];

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode workflow, string job) =>
        ((YamlSequenceNode)Map(Map(workflow, "jobs"), job)["steps"]).Children.Cast<YamlMappingNode>();

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) ? ((YamlScalarNode)value).Value : null;

    [Fact]
    public void The_ci_workflow_runs_the_same_script_as_our_ci_and_that_script_runs_the_readme_test_command()
    {
        var ci = Load(".github", "workflows", "ci.yml");

        Assert.Contains(Steps(ci, "test"), step => Scalar(step, "run") == ".ci/run");
        Assert.Contains(TestCommand, File.ReadAllText(RepositoryRoot.Combine(".ci", "run")));
        Assert.Contains($"```bash\n{TestCommand}\n```", File.ReadAllText(RepositoryRoot.Combine("README.md")).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_deploy_workflow_deploys_tags_after_the_tests_with_oidc_and_an_approval_environment()
    {
        var deploy = Load(".github", "workflows", "deploy.yml");

        var tags = (YamlSequenceNode)Map(Map(deploy, "on"), "push")["tags"];
        Assert.Equal(["v*"], tags.Children.Select(tag => ((YamlScalarNode)tag).Value));
        Assert.Equal("write", Scalar(Map(deploy, "permissions"), "id-token"));
        var job = Map(Map(deploy, "jobs"), "deploy");
        Assert.Equal("production", Scalar(job, "environment"));
        Assert.Equal("test", Scalar(job, "needs"));
        Assert.Contains(Steps(deploy, "test"), step => Scalar(step, "run") == ".ci/run");
        var credentials = Steps(deploy, "deploy").Single(step => Scalar(step, "uses")?.StartsWith("aws-actions/configure-aws-credentials", StringComparison.Ordinal) == true);
        var with = Map(credentials, "with");
        Assert.NotNull(Scalar(with, "role-to-assume"));
        Assert.Null(Scalar(with, "aws-access-key-id"));
        Assert.Null(Scalar(with, "aws-secret-access-key"));
        Assert.Contains(Steps(deploy, "deploy"), step => Scalar(step, "run")?.Contains("npx cdk deploy", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Dependency_updates_cover_nuget_and_npm()
    {
        var dependabot = Load(".github", "dependabot.yml");

        var ecosystems = ((YamlSequenceNode)dependabot["updates"]).Children.Cast<YamlMappingNode>().Select(update => Scalar(update, "package-ecosystem")).ToList();
        Assert.Contains("nuget", ecosystems);
        Assert.Contains("npm", ecosystems);
    }
}
