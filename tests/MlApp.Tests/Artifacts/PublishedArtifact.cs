using System.Text.RegularExpressions;
using MlApp.Tests.Deployment;

namespace MlApp.Tests.Artifacts;

/// <summary>What publishing one artifact with its Dockerfile's commands left: each command's run, and the output folder.</summary>
public sealed partial record PublishedArtifact(ImageArtifact Artifact, string Folder, IReadOnlyList<(string Command, int ExitCode, string Output, TimeSpan Elapsed)> Runs)
{
    public bool Succeeded => Runs.Count > 0 && Runs.All(run => run.ExitCode == 0);

    /// <summary>Every distinct compiler, analyzer or NuGet warning any command printed.</summary>
    public IReadOnlyList<string> Warnings =>
        Runs.SelectMany(run => run.Output.Split('\n')).Where(line => WarningLine().IsMatch(line)).Select(line => line.Trim()).Distinct().ToList();

    public TimeSpan Elapsed => Runs.Aggregate(TimeSpan.Zero, (sum, run) => sum + run.Elapsed);

    /// <summary>The bytes the image's folder gets (/app, or /var/task for the function).</summary>
    public long SizeBytes => Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Sum(file => new FileInfo(file).Length);

    public string File(params string[] parts) => Path.Combine([Folder, .. parts]);

    /// <summary>The folder, or an exception that carries the failed command's output, for tests that need a good publish.</summary>
    public PublishedArtifact RequireSuccess() => Succeeded
        ? this
        : throw new InvalidOperationException($"Publishing {Artifact} failed:{Environment.NewLine}{Describe()}");

    public string Describe() => string.Join(Environment.NewLine, Runs.Select(run =>
        $"dotnet {run.Command} -> exit {run.ExitCode} in {run.Elapsed.TotalSeconds:F0} s{Environment.NewLine}{Tail(run.Output)}"));

    internal static PublishedArtifact From(ImageArtifact artifact, string folder, IEnumerable<(string[] Arguments, CommandRun Run)> runs) =>
        new(artifact, folder, [.. runs.Select(run => (string.Join(' ', run.Arguments), run.Run.ExitCode, run.Run.Output, run.Run.Elapsed))]);

    private static string Tail(string output) => string.Join(Environment.NewLine, output.Split('\n').TakeLast(40));

    [GeneratedRegex(@": warning [A-Z]+[0-9]+")]
    private static partial Regex WarningLine();
}
