using System.Globalization;

namespace MlApp.Tests.Support;

/// <summary>
/// Finds the processes a process started, from /proc. Aspire runs each project replica as <c>dotnet run</c>, which
/// starts the application as its child: a crash of the application is a crash of that child, not of the wrapper.
/// </summary>
internal static class ProcessTree
{
    public static IReadOnlyList<int> ChildrenOf(int parentId)
    {
        var children = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && ParentOf(id) == parentId)
            {
                children.Add(id);
            }
        }

        return children;
    }

    /// <summary>The parent's id from <c>/proc/{id}/stat</c>; its fourth field, after the command name in parentheses.</summary>
    private static int? ParentOf(int id)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
        {
            // Gone since the listing, or not readable: not a child we can act on.
            return null;
        }
    }
}
