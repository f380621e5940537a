namespace MlApp.Bench;

/// <summary>
/// Publishes a project here and now exactly as its image publishes it: with its publish profile,
/// Properties/PublishProfiles/Image.pubxml, so what the bench runs is what ships.
/// </summary>
internal static class ImagePublish
{
    /// <summary>
    /// Publishes <paramref name="project"/> into artifacts/bench/<paramref name="name"/> and returns that folder. A failed
    /// publish throws with the build's own output, so the scenario ends non-zero instead of measuring something else.
    /// </summary>
    public static async Task<string> RunAsync(string project, string name, CancellationToken cancellationToken)
    {
        // The Artifacts tests publish into the same intermediate folder, so a run after theirs only copies the files.
        var buildTree = Path.Combine(RepositoryPaths.Root, "artifacts", "images", "build");
        var output = Path.Combine(RepositoryPaths.Root, "artifacts", "bench", name);
        string[] arguments = ["publish", Path.Combine(RepositoryPaths.Root, "src", project), "-p:PublishProfile=Image", "-o", output, "--artifacts-path", buildTree];
        Console.WriteLine($"{name}: dotnet {string.Join(' ', arguments)}");
        await using var publish = ChildProcess.Start("publish", "dotnet", arguments, new Dictionary<string, string?> { ["MSBUILDDISABLENODEREUSE"] = "1" });
        await publish.Exited.WaitAsync(cancellationToken);
        return publish.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"Publishing {project} as its image does failed (exit {publish.ExitCode}):{Environment.NewLine}{publish.OutputTail()}");
    }
}
