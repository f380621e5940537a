using System.Text;

namespace MlApp.Web.Jobs;

/// <summary>Splits one CSV header line into its names, with RFC 4180 quoting ("a,b" is one name, "" an escaped quote).</summary>
public static class CsvHeader
{
    public static IReadOnlyList<string> Split(string line)
    {
        var names = new List<string>();
        var name = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inQuotes && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                name.Append('"');
                i++;
            }
            else if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == ',' && !inQuotes)
            {
                names.Add(name.ToString());
                name.Clear();
            }
            else
            {
                name.Append(c);
            }
        }

        names.Add(name.ToString());
        return names;
    }
}
