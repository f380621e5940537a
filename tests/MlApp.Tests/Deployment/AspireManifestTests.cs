using System.Text.Json.Nodes;
using MlApp.Tests.Support;

namespace MlApp.Tests.Deployment;

/// <summary>The checked-in aspire-manifest/aspire-manifest.json is what the documented command writes today.</summary>
[Collection(DeploymentCollection.Name)]
[Trait("Category", "Deployment")]
public sealed class AspireManifestTests : IDisposable
{
    private const string Configuration =
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private readonly string _output = Path.Combine(Path.GetTempPath(), "mlapp-manifest-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_checked_in_manifest_matches_the_AppHost()
    {
        // The README's command, without the build the test run has just done.
        var run = await CommandRun.RunAsync("dotnet",
            ["run", "--no-build", "-c", Configuration, "--project", "src/MlApp.AppHost", "--", "--publisher", "manifest", "--output-path", _output],
            RepositoryRoot.Path, TimeSpan.FromMinutes(2));

        Assert.True(run.ExitCode == 0, run.Output);
        var written = Normalized(Path.Combine(_output, "aspire-manifest.json"));
        var checkedIn = Normalized(RepositoryRoot.Combine("aspire-manifest", "aspire-manifest.json"));
        Assert.True(JsonNode.DeepEquals(checkedIn, written),
            $"aspire-manifest/aspire-manifest.json is out of date; regenerate it (README, \"Deploy to AWS\"). The AppHost now writes:{System.Environment.NewLine}{written.ToJsonString()}");
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    /// <summary>The manifest with each project path made relative to the repository, since it is written relative to the manifest.</summary>
    private static JsonNode Normalized(string manifestPath)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        foreach (var (_, resource) in manifest["resources"]!.AsObject())
        {
            if (resource!["path"] is JsonValue path)
            {
                var absolute = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(manifestPath)!, path.GetValue<string>()));
                resource["path"] = Path.GetRelativePath(RepositoryRoot.Path, absolute).Replace('\\', '/');
            }
        }

        return manifest;
    }
}
