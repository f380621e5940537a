using MlApp.Tests.Support;

namespace MlApp.Tests.EndToEnd.BadInputs;

/// <summary>One row of docs/bad-inputs.md: the documented answer to one kind of bad input.</summary>
public sealed record BadInputRow(string Id, string Where, string Input, string Status, string Says)
{
    /// <summary>"201 + row": accepted, with the error in the row's error column of the result.</summary>
    public bool IsRowLevel => Status == "201 + row";

    public override string ToString() => Id;
}

/// <summary>Reads the catalogue's table, so that the document and the tests can't drift apart.</summary>
public static class BadInputTable
{
    public static string DocumentPath => RepositoryRoot.Combine("docs", "bad-inputs.md");

    public static IReadOnlyList<BadInputRow> Rows { get; } = Read();

    private static List<BadInputRow> Read() => File.ReadLines(DocumentPath)
        .Where(line => line.StartsWith("| ", StringComparison.Ordinal))
        .Select(line => line.Trim().Trim('|').Split(" | ").Select(cell => cell.Trim()).ToArray())
        .Where(cells => cells.Length == 5 && cells[0] != "Id")
        .Select(cells => new BadInputRow(cells[0], cells[1], cells[2], cells[3], cells[4]))
        .ToList();
}
