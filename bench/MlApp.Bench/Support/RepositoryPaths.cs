namespace MlApp.Bench;

/// <summary>Where the other projects' build outputs are: built with the bench's own configuration and target framework.</summary>
internal static class RepositoryPaths
{
    private static readonly DirectoryInfo BenchOutput = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    public static string Root { get; } = FindRoot();

    /// <summary><c>src/{project}/bin/{Configuration}/{TargetFramework}</c>, the same two the bench was built with (bench/MlApp.Bench/bin/Release/net10.0).</summary>
    public static string BuildOutput(string project) =>
        Path.Combine(Root, "src", project, "bin", BenchOutput.Parent!.Name, BenchOutput.Name);

    private static string FindRoot()
    {
        for (var directory = BenchOutput; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MlApp.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No MlApp.sln above {AppContext.BaseDirectory}.");
    }
}
