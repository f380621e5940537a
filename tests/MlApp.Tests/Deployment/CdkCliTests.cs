using System.Text.Json.Nodes;
using MlApp.Tests.Support;
using Xunit.Abstractions;

namespace MlApp.Tests.Deployment;

/// <summary>The documented synth: the pinned npm CDK CLI runs deploy/cdk.json's app (the AppHost's aws-cdk step), offline.</summary>
[Collection(DeploymentCollection.Name)]
[Trait("Category", "Deployment")]
public sealed class CdkCliTests(SynthesizedStacks stacks, ITestOutputHelper output) : IDisposable
{
    private static readonly string DeployFolder = RepositoryRoot.Combine("deploy");

    private readonly string _cdkOut = Path.Combine(Path.GetTempPath(), "mlapp-cdk-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Cdk_synth_through_the_pinned_CLI_writes_the_same_stack_as_the_step_in_process()
    {
        await InstallCliAsync();

        // cdk.json's own app command, so this is the README's `npx cdk synth` (with the assembly written outside the tree).
        var run = await CommandRun.RunAsync("npx", ["--no-install", "cdk", "synth", "--quiet", "--output", _cdkOut], DeployFolder, TimeSpan.FromMinutes(5),
            new Dictionary<string, string> { ["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = "20" });
        output.WriteLine($"cdk synth took {run.Elapsed.TotalSeconds:F1} s (in process: first synthesis {stacks.FirstSynthesis.TotalSeconds:F1} s, later ones {stacks.LaterSynthesis.TotalSeconds:F1} s)");

        Assert.True(run.ExitCode == 0, run.Output);
        var viaCli = new StackTemplate(Path.Combine(_cdkOut, "MlApp.template.json"));
        output.WriteLine($"template: {new FileInfo(viaCli.Path).Length} bytes, {viaCli.Resources.Count} resources");
        Assert.Equal(Shape(stacks.Default), Shape(viaCli));
    }

    [Fact]
    public void The_CLI_is_pinned_to_2_1148_1_in_a_lockfile_without_registry_addresses()
    {
        var package = JsonNode.Parse(File.ReadAllText(Path.Combine(DeployFolder, "package.json")))!;
        var lockfile = File.ReadAllText(Path.Combine(DeployFolder, "package-lock.json"));

        Assert.Equal("2.1148.1", (string?)package["devDependencies"]!["aws-cdk"]);
        Assert.Equal("2.1148.1", (string?)JsonNode.Parse(lockfile)!["packages"]!["node_modules/aws-cdk"]!["version"]);
        Assert.DoesNotContain("\"resolved\"", lockfile, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_cdkOut))
        {
            Directory.Delete(_cdkOut, recursive: true);
        }
    }

    /// <summary>npm ci once per clone, as a person follows the README; later runs find the CLI installed.</summary>
    private static async Task InstallCliAsync()
    {
        if (File.Exists(Path.Combine(DeployFolder, "node_modules", "aws-cdk", "package.json")))
        {
            return;
        }

        var install = await CommandRun.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], DeployFolder, TimeSpan.FromMinutes(3));
        Assert.True(install.ExitCode == 0, install.Output);
    }

    /// <summary>Resources with types and properties; the CLI adds path metadata, which says nothing about what is deployed.</summary>
    private static string Shape(StackTemplate template) => new JsonObject(template.Resources.Select(resource =>
        KeyValuePair.Create(resource.Key, (JsonNode?)new JsonObject
        {
            ["Type"] = resource.Value!["Type"]!.DeepClone(),
            ["Properties"] = resource.Value["Properties"]?.DeepClone(),
        }))).ToJsonString();
}
