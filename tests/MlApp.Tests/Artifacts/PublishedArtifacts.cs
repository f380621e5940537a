using System.Collections.Concurrent;
using MlApp.Tests.Deployment;
using MlApp.Tests.Support;

namespace MlApp.Tests.Artifacts;

/// <summary>
/// Publishes each artifact once per test run, with its Dockerfile's own commands, into artifacts/images/{name} (ignored
/// by git). The intermediate files go to a build tree apart from the developer's bin/ and obj/, as in a fresh image
/// build (<see cref="ImageArtifact.BuildTree"/>); one publish at a time runs, and the coldstart, batch and drain
/// benchmarks share the main tree (see <see cref="LockBuildTreeAsync"/>), so the native function and the worker are
/// compiled once per run.
/// </summary>
public static class PublishedArtifacts
{
    /// <summary>Native AOT on two busy cores took 9 minutes here; a clean quiet machine takes about 2.</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(15);

    private static readonly SemaphoreSlim BuildTreeGate = new(1, 1);
    private static readonly ConcurrentDictionary<ImageArtifact, Lazy<Task<PublishedArtifact>>> Published = new();

    public static string Root { get; } = RepositoryRoot.Combine("artifacts", "images");


    public static Task<PublishedArtifact> GetAsync(ImageArtifact artifact) =>
        Published.GetOrAdd(artifact, _ => new Lazy<Task<PublishedArtifact>>(() => PublishAsync(artifact))).Value;

    /// <summary>Holds the build trees for another process that writes to one (a benchmark's own publish).</summary>
    public static async Task<IAsyncDisposable> LockBuildTreeAsync()
    {
        await BuildTreeGate.WaitAsync();
        return new Release();
    }

    private static async Task<PublishedArtifact> PublishAsync(ImageArtifact artifact)
    {
        var folder = Path.Combine(Root, artifact.Name);
        var commands = DockerfileCommands.Read(RepositoryRoot.Combine(artifact.Dockerfile));
        Assert.Contains(commands, command => command[0] == "publish" && command.Contains(DockerfileCommands.ImageOutput));

        await using var hold = await LockBuildTreeAsync();

        // A file left by an earlier run must not pass for one this run published.
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var runs = new List<(string[], CommandRun)>();
        foreach (var command in commands)
        {
            var run = await CommandRun.RunAsync("dotnet", DockerfileCommands.Redirect(command, folder, Path.Combine(Root, artifact.BuildTree)), RepositoryRoot.Path, PublishTimeout,
                new Dictionary<string, string> { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" });
            runs.Add((command, run));
            if (run.ExitCode != 0)
            {
                break;
            }
        }

        return PublishedArtifact.From(artifact, folder, runs);
    }

    private sealed class Release : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            BuildTreeGate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
