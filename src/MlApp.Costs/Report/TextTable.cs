namespace MlApp.Costs.Report;

/// <summary>Rows of item, basis and amount under headings, padded into columns for a console or a README code block.</summary>
internal sealed class TextTable
{
    private const string Indent = "  ";
    private const string Gap = "   ";
    private readonly List<(string Item, string Basis, string Amount, bool Heading)> _rows = [];

    public TextTable Heading(string title)
    {
        if (_rows.Count > 0)
        {
            _rows.Add((string.Empty, string.Empty, string.Empty, Heading: true));
        }

        _rows.Add((title, string.Empty, string.Empty, Heading: true));
        return this;
    }

    public TextTable Row(string item, string basis, string amount)
    {
        _rows.Add((item, basis, amount, Heading: false));
        return this;
    }

    public IReadOnlyList<string> Lines()
    {
        var body = _rows.Where(row => !row.Heading).ToList();
        var itemWidth = body.Max(row => row.Item.Length);
        var basisWidth = body.Max(row => row.Basis.Length);
        var amountWidth = body.Max(row => row.Amount.Length);
        return _rows
            .Select(row => row.Heading
                ? row.Item
                : (Indent + row.Item.PadRight(itemWidth) + Gap + row.Basis.PadRight(basisWidth) + Gap + row.Amount.PadLeft(amountWidth)).TrimEnd())
            .ToList();
    }
}
