using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2.Model;
using MlApp.Hosting.LocalAws;
using MlApp.Jobs;
using MlApp.Tests.Artifacts;
using MlApp.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MlApp.Tests.Unit.Workflows;

/// <summary>The CI/CD templates a scientist copies into a fork: valid YAML, the same test command as our CI, no long-lived keys, every image built and started.</summary>
[Trait("Category", "Unit")]
public sealed partial class WorkflowTests
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

    [Fact]
    public void The_images_job_builds_every_artifacts_Dockerfile_and_starts_every_image_it_built()
    {
        var runs = Steps(Load(".github", "workflows", "ci.yml"), "images").Select(step => Scalar(step, "run") ?? "").ToList();

        foreach (var artifact in ImageArtifact.All)
        {
            var build = runs.Select(run => DockerBuild().Match(run)).SingleOrDefault(match => match.Success && match.Groups["dockerfile"].Value == artifact.Dockerfile);
            Assert.True(build is not null, $"The images job doesn't build {artifact.Dockerfile}");
            var tag = build.Groups["tag"].Value;
            Assert.Contains(runs, run => run.Contains("docker run", StringComparison.Ordinal) && !run.Contains("docker build", StringComparison.Ordinal)
                && Regex.IsMatch(run, $@"\s{Regex.Escape(tag)}(\s|$)"));
        }
    }

    [Fact]
    public void The_function_image_is_invoked_through_its_base_images_emulator_and_the_web_image_answers_health()
    {
        var runs = string.Join("\n", Steps(Load(".github", "workflows", "ci.yml"), "images").Select(step => Scalar(step, "run")));

        // provided.al2023 ships the Runtime Interface Emulator; it serves the Invoke API on 8080 and names the function "function".
        Assert.Contains("--entrypoint /usr/local/bin/aws-lambda-rie mlapp-realtime /var/runtime/bootstrap", runs);
        Assert.Contains("-p 9000:8080", runs);
        Assert.Contains("http://localhost:9000/2015-03-31/functions/function/invocations", runs);
        Assert.Contains("test \"$(curl -sf http://localhost:8080/health)\" = Healthy", runs);
    }

    [Fact]
    public void The_batch_image_runs_against_the_pinned_LocalStack_with_the_job_table_the_app_creates()
    {
        var images = Map(Map(Load(".github", "workflows", "ci.yml"), "jobs"), "images");
        var table = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine(".github", "localstack", "job-table.json")))!;
        var expected = JobTable.CreateRequest(LocalAwsNames.TableName);

        Assert.Equal(LocalStackStandIn.ImageReference, Scalar(Map(Map(images, "services"), "localstack"), "image"));
        Assert.Equal(expected.TableName, (string?)table["TableName"]);
        Assert.Equal(expected.AttributeDefinitions.Select(a => $"{a.AttributeName}:{a.AttributeType}").Order(),
            table["AttributeDefinitions"]!.AsArray().Select(a => $"{a!["AttributeName"]}:{a["AttributeType"]}").Order());
        Assert.Equal(Keys(expected.KeySchema), Keys(table["KeySchema"]!));
        Assert.Equal(expected.LocalSecondaryIndexes.Select(index => Index(index.IndexName, index.KeySchema, index.Projection)),
            table["LocalSecondaryIndexes"]!.AsArray().Select(Index));
        Assert.Equal(expected.GlobalSecondaryIndexes.Select(index => Index(index.IndexName, index.KeySchema, index.Projection)),
            table["GlobalSecondaryIndexes"]!.AsArray().Select(Index));
    }

    private static string Keys(IEnumerable<KeySchemaElement> keys) => string.Join(",", keys.Select(key => $"{key.AttributeName}:{key.KeyType}"));

    private static string Keys(JsonNode keys) => string.Join(",", keys.AsArray().Select(key => $"{key!["AttributeName"]}:{key["KeyType"]}"));

    private static string Index(string name, List<KeySchemaElement> keys, Projection projection) =>
        $"{name} {Keys(keys)} {projection.ProjectionType} {string.Join(",", projection.NonKeyAttributes ?? [])}";

    private static string Index(JsonNode? index) =>
        $"{index!["IndexName"]} {Keys(index["KeySchema"]!)} {index["Projection"]!["ProjectionType"]} " +
        string.Join(",", index["Projection"]!["NonKeyAttributes"]?.AsArray().Select(attribute => (string?)attribute) ?? []);

    [GeneratedRegex(@"docker build -f (?<dockerfile>\S+) -t (?<tag>\S+) \.")]
    private static partial Regex DockerBuild();
}
