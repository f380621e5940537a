using System.Xml.Linq;

namespace MlApp.Tests.Unit.Rooms;

/// <summary>The src projects and the projects each one reaches through its ProjectReferences, directly or not.</summary>
public sealed class ProjectReferenceGraph
{
    private readonly Dictionary<string, string[]> _direct;

    private ProjectReferenceGraph(Dictionary<string, string[]> direct) => _direct = direct;

    /// <summary>Reads every <c>{name}/{name}.csproj</c> under <paramref name="srcDirectory"/>; projects are named by file name.</summary>
    public static ProjectReferenceGraph Read(string srcDirectory) => new(Directory
        .EnumerateFiles(srcDirectory, "*.csproj", SearchOption.AllDirectories)
        .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .ToDictionary(
            path => Path.GetFileNameWithoutExtension(path),
            path => XDocument.Load(path).Descendants("ProjectReference")
                // MSBuild writes these with '\' on every OS.
                .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')))
                .ToArray()));

    public IEnumerable<string> Projects => _direct.Keys;

    /// <summary>The path from <paramref name="from"/> to <paramref name="to"/> (both ends included), or null when there is none.</summary>
    public IReadOnlyList<string>? PathBetween(string from, string to)
    {
        var cameFrom = new Dictionary<string, string> { [from] = from };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var project))
        {
            if (project == to)
            {
                List<string> path = [to];
                while (path[0] != from)
                {
                    path.Insert(0, cameFrom[path[0]]);
                }

                return path;
            }

            foreach (var next in _direct.GetValueOrDefault(project, []).Where(next => cameFrom.TryAdd(next, project)))
            {
                queue.Enqueue(next);
            }
        }

        return null;
    }
}
