namespace MlApp.Hosting.Aws.Topology;

/// <summary>Finds the repository root, the build context of every image: the nearest folder up that holds MlApp.sln.</summary>
public static class RepositoryRoot
{
    public static string Above(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if (File.Exists(Path.Combine(current.FullName, "MlApp.sln")))
            {
                return current.FullName;
            }
        }

        throw new InvalidOperationException($"No MlApp.sln in {directory} or above: the images are built from the repository.");
    }
}
