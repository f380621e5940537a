using Xunit.Abstractions;

namespace MlApp.Tests.Artifacts;

/// <summary>Every artifact publishes with its Dockerfile's commands, with no warning; its size and publish time go to the test output.</summary>
[Trait("Category", "Artifacts")]
public sealed class PublishTests(ITestOutputHelper output)
{
    public static TheoryData<string> Artifacts => [.. ImageArtifact.All.Select(artifact => artifact.Name)];

    [Theory]
    [MemberData(nameof(Artifacts))]
    public async Task The_Dockerfiles_publish_commands_succeed_with_no_warning(string name)
    {
        var published = await PublishedArtifacts.GetAsync(ImageArtifact.All.Single(artifact => artifact.Name == name));

        output.WriteLine(published.Describe());
        Assert.True(published.Succeeded, $"Publishing {name} failed; its output is above.");
        Assert.Empty(published.Warnings);
        output.WriteLine($"{name}: {published.SizeBytes / 1e6:F1} MB in {published.Folder}, published in {published.Elapsed.TotalSeconds:F0} s");
    }
}
