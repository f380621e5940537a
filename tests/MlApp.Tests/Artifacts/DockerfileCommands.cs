namespace MlApp.Tests.Artifacts;

/// <summary>
/// The <c>dotnet</c> commands a Dockerfile's RUN instructions run (restore, publish), read from the file itself, so the
/// tests publish exactly what the image build publishes and can't drift from it.
/// </summary>
public static class DockerfileCommands
{
    /// <summary>The image's output folder in every Dockerfile (<c>-o /app</c>), which the tests replace with their own.</summary>
    public const string ImageOutput = "/app";

    /// <summary>Each <c>dotnet</c> command of the Dockerfile, in order, as its arguments after <c>dotnet</c>.</summary>
    public static IReadOnlyList<string[]> Read(string dockerfile) =>
        Instructions(File.ReadAllLines(dockerfile))
            .Where(instruction => instruction.StartsWith("RUN ", StringComparison.Ordinal))
            .SelectMany(instruction => instruction["RUN ".Length..].Split("&&"))
            .Select(command => command.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(word => word.StartsWith("--mount=", StringComparison.Ordinal)).ToArray())
            .Where(words => words is ["dotnet", "restore" or "publish", ..])
            .Select(words => words[1..])
            .ToList();

    /// <summary>
    /// The command with the image's output folder replaced by <paramref name="output"/>, and its intermediate files kept in
    /// <paramref name="buildTree"/>, as a fresh image build keeps them apart from a developer's bin/ and obj/.
    /// </summary>
    public static string[] Redirect(string[] arguments, string output, string buildTree) =>
        [.. arguments.Select(argument => argument == ImageOutput ? output : argument), "--artifacts-path", buildTree];

    /// <summary>Dockerfile instructions, one per entry, with backslash-continued lines joined and comments left out.</summary>
    private static IEnumerable<string> Instructions(IEnumerable<string> lines)
    {
        var current = "";
        foreach (var line in lines.Select(line => line.Trim()).Where(line => !line.StartsWith('#')))
        {
            current += line.EndsWith('\\') ? line[..^1] + " " : line;
            if (!line.EndsWith('\\'))
            {
                yield return current;
                current = "";
            }
        }
    }
}
