using System.Xml.Linq;

namespace MlApp.Hosting.Aws.Topology;

/// <summary>The folders an app's image is built from: its own project and every project it references, transitively.</summary>
public static class ProjectClosure
{
    /// <summary>The root files every build reads: SDK pin, shared properties, central package versions.</summary>
    public static readonly IReadOnlyList<string> RootFiles = ["global.json", "Directory.Build.props", "Directory.Packages.props"];

    /// <summary>Project folders relative to <paramref name="repositoryRoot"/>, '/'-separated, the project's own first.</summary>
    public static IReadOnlyList<string> Directories(string repositoryRoot, string projectPath)
    {
        List<string> found = [];
        Visit(Path.GetFullPath(Path.Combine(repositoryRoot, projectPath)));
        return found;

        void Visit(string project)
        {
            var directory = Path.GetRelativePath(repositoryRoot, Path.GetDirectoryName(project)!).Replace('\\', '/');
            if (found.Contains(directory))
            {
                return;
            }

            found.Add(directory);
            foreach (var reference in XDocument.Load(project).Descendants("ProjectReference"))
            {
                // MSBuild writes these with '\' on every OS.
                var include = reference.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar);
                Visit(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include)));
            }
        }
    }
}
