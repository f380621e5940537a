using System.Text;
using MlApp.Tests.Support;

namespace MlApp.Tests.Unit.Batch;

/// <summary>
/// Batch inputs made from the Palmer Penguins data (src/MlApp.Model.Training/data/penguins.csv) without its species
/// column: the real rows, including the ones with missing measurements or sex, which are bad rows, plus a few bad rows
/// of every other kind. The cells hold no quotes or commas, so a line is simply its cells joined by commas.
/// </summary>
internal static class PenguinCsv
{
    public static readonly string[] Header = ["island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex"];

    /// <summary>One of each kind of bad row the reader reports: unknown category, NaN, out of range, wrong type, not whole, ragged (short and long), empty cell.</summary>
    public static readonly string[][] BadRows =
    [
        ["Atlantis", "39.1", "18.7", "181", "3750", "MALE"],
        ["Torgersen", "NaN", "18.7", "181", "3750", "MALE"],
        ["Torgersen", "39.1", "99", "181", "3750", "MALE"],
        ["Torgersen", "abc", "18.7", "181", "3750", "FEMALE"],
        ["Dream", "39.1", "18.7", "181.5", "3750", "MALE"],
        ["Biscoe", "39.1", "18.7"],
        ["Biscoe", "39.1", "18.7", "181", "3750", "MALE", "extra"],
        ["Biscoe", "39.1", "18.7", "181", "", "MALE"],
    ];

    private static readonly Lazy<IReadOnlyList<string[]>> LazyDataRows = new(() => File
        .ReadLines(RepositoryRoot.Combine("src", "MlApp.Model.Training", "data", "penguins.csv"))
        .Skip(1)
        .Where(line => line.Length > 0)
        .Select(line => line.Split(',')[1..])
        .ToList());

    /// <summary>The data set's 344 rows; 11 of them miss a value and are bad rows.</summary>
    public static IReadOnlyList<string[]> DataRows => LazyDataRows.Value;

    /// <summary><paramref name="count"/> rows from the data set starting at <paramref name="offset"/>, every <paramref name="badEvery"/>-th one a bad row.</summary>
    public static IEnumerable<string[]> Rows(long count, int offset = 0, int badEvery = 50)
    {
        for (long i = 0; i < count; i++)
        {
            yield return badEvery > 0 && i % badEvery == badEvery - 1
                ? BadRows[(i / badEvery + offset) % BadRows.Length]
                : DataRows[(int)((i + offset) % DataRows.Count)];
        }
    }

    public static string Text(IEnumerable<string[]> rows, string newLine = "\n")
    {
        var text = new StringBuilder(string.Join(',', Header)).Append(newLine);
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row)).Append(newLine);
        }

        return text.ToString();
    }

    public static byte[] Bytes(IEnumerable<string[]> rows) => Encoding.UTF8.GetBytes(Text(rows));

    /// <summary>Writes a large input to a file, a row at a time, so the test never holds it whole.</summary>
    public static async Task<string> WriteFileAsync(string path, IEnumerable<string[]> rows)
    {
        await using var file = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        await file.WriteAsync(string.Join(',', Header) + "\n");
        foreach (var row in rows)
        {
            await file.WriteAsync(string.Join(',', row) + "\n");
        }

        return path;
    }
}
