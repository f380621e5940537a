using System.Globalization;
using System.Text;

using MlApp.Model.Card;
namespace MlApp.Model.Features;

/// <summary>
/// Turns the cells of CSV rows into validated rows, the way the batch job receives them. The header is checked once
/// (<see cref="Create"/>); numbers are parsed with the invariant culture, so "39.1" means the same on every server.
/// Cells are trimmed. Parsing the CSV text itself (quotes, line breaks) is the caller's job. Thread-safe.
/// </summary>
public sealed class CsvFeatureReader
{
    private readonly ModelCard card;

    /// <summary>The schema field of each header column, or null for a column that is passed through.</summary>
    private readonly InputField?[] columns;

    /// <summary>The longest cell the fast path looks up as a category, on the stack.</summary>
    private const int MaxCategoryLength = 256;

    /// <summary>Where each header column's value goes in <see cref="FeatureColumns"/> (its card input), or -1.</summary>
    private readonly int[] inputIndexes;

    /// <summary>Per card input, its categories by their text, so a cell finds its category without a new string.</summary>
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>?[] categoryLookups;

    private CsvFeatureReader(ModelCard card, IReadOnlyList<string> header, InputField?[] columns)
    {
        this.card = card;
        this.columns = columns;
        Header = header;
        inputIndexes = [.. columns.Select(field => field is null ? -1 : IndexOf(card, field))];
        categoryLookups = [.. card.Inputs.Select(field => field.Categories is { } allowed
            ? allowed.Distinct().ToDictionary(name => name, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>()
            : (Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>?)null)];
    }

    public IReadOnlyList<string> Header { get; }

    /// <summary>Header columns that are not model inputs (only with <c>ignoreUnknownColumns</c>), e.g. an id to copy to the output.</summary>
    public IReadOnlyList<string> IgnoredColumns => Header.Where((_, index) => columns[index] is null).ToList();

    /// <param name="ignoreUnknownColumns">Accept columns that are not inputs instead of reporting them.</param>
    public static ReadResult<CsvFeatureReader> Create(ModelCard card, IReadOnlyList<string> header, bool ignoreUnknownColumns = false)
    {
        var fields = card.Inputs.ToDictionary(field => field.Name, StringComparer.Ordinal);
        var names = header.Select((name, index) => index == 0 ? name.TrimStart('\uFEFF').Trim() : name.Trim()).ToList();
        var columns = new InputField?[names.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<FieldError>();
        for (var index = 0; index < names.Count; index++)
        {
            if (!seen.Add(names[index]))
            {
                errors.Add(FieldErrors.Duplicate(names[index]));
            }
            else if (fields.TryGetValue(names[index], out var field))
            {
                columns[index] = field;
            }
            else if (!ignoreUnknownColumns)
            {
                errors.Add(FieldErrors.Unknown(names[index], card.Inputs));
            }
        }

        errors.AddRange(card.Inputs.Where(field => field.Required && !seen.Contains(field.Name)).Select(FieldErrors.Missing));
        return errors.Count == 0
            ? ReadResult<CsvFeatureReader>.Success(new CsvFeatureReader(card, names, columns))
            : ReadResult<CsvFeatureReader>.Failure(errors);
    }

    public ModelCard Card => card;

    public ReadResult<FeatureRow> Read(IReadOnlyList<string> cells)
    {
        if (cells.Count != columns.Length)
        {
            return ReadResult<FeatureRow>.Failure([FieldErrors.CellCount(cells.Count, columns.Length)]);
        }

        var values = new List<KeyValuePair<string, FeatureValue>>(columns.Length);
        var errors = new List<FieldError>();
        for (var index = 0; index < columns.Length; index++)
        {
            if (columns[index] is not { } field)
            {
                continue;
            }

            var text = cells[index].Trim();
            if (text.Length == 0)
            {
                // An empty cell is CSV's null: fine for an optional field, an error for a required one.
                if (field.Required)
                {
                    errors.Add(FieldErrors.Empty(field));
                }
            }
            else if (ReadValue(field, text, out var value) is { } error)
            {
                errors.Add(error);
            }
            else
            {
                values.Add(new(field.Name, value));
            }
        }

        return errors.Count == 0 ? ReadResult<FeatureRow>.Success(new FeatureRow(values)) : ReadResult<FeatureRow>.Failure(errors);
    }

    /// <summary>
    /// The fast path of <see cref="Read"/> for a record of UTF-8 cells, where cell i ends at <c>cellEnds[i]</c> and the
    /// next starts one byte (its comma) later. A valid row whose cells are ASCII with nothing to trim goes straight into
    /// <paramref name="into"/>, with exactly the values Read would give it. Anything else (a wrong cell count, a byte to
    /// decode or trim, a value Read would refuse) adds nothing and returns false: Read then tells the cases apart and
    /// says what is wrong, as it always has.
    /// </summary>
    public bool TryAdd(ReadOnlySpan<byte> record, ReadOnlySpan<int> cellEnds, FeatureColumns into)
    {
        if (cellEnds.Length != columns.Length || !ReferenceEquals(into.Card, card))
        {
            return false;
        }

        var row = into.NextRow;
        var start = 0;
        for (var index = 0; index < columns.Length; index++)
        {
            var cell = record[start..cellEnds[index]];
            start = cellEnds[index] + 1;
            if (columns[index] is { } field && !TrySet(field, inputIndexes[index], cell, into, row))
            {
                return false;
            }
        }

        into.Commit(row);
        return true;
    }

    private bool TrySet(InputField field, int input, ReadOnlySpan<byte> cell, FeatureColumns into, int row)
    {
        if (cell.Length == 0)
        {
            // Read's empty cell: absent, which only an optional field may be.
            if (field.Required)
            {
                return false;
            }

            if (field.IsNumeric)
            {
                into.SetNumber(row, input, double.NaN);
            }
            else
            {
                into.SetCategory(row, input, "");
            }

            return true;
        }

        // Read trims with string.Trim and decodes UTF-8; only a cell that needs neither is taken here.
        if (cell[0] <= ' ' || cell[^1] <= ' ' || !Ascii.IsValid(cell))
        {
            return false;
        }

        if (field.IsNumeric)
        {
            var parsed = PlainDecimal.TryParse(cell, out var number) || double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
            if (!parsed || FieldRules.CheckNumber(field, number) is not null)
            {
                return false;
            }

            into.SetNumber(row, input, number);
            return true;
        }

        // The lookup goes through the stack; a longer cell goes to Read, which gives it the same answer.
        if (cell.Length > MaxCategoryLength || categoryLookups[input] is not { } lookup)
        {
            return false;
        }

        Span<char> text = stackalloc char[cell.Length];
        Ascii.ToUtf16(cell, text, out _);
        if (!lookup.TryGetValue(text, out var category))
        {
            return false;
        }

        into.SetCategory(row, input, category);
        return true;
    }

    private static int IndexOf(ModelCard card, InputField field)
    {
        for (var index = 0; index < card.Inputs.Count; index++)
        {
            if (ReferenceEquals(card.Inputs[index], field))
            {
                return index;
            }
        }

        throw new InvalidOperationException($"Field '{field.Name}' is not one of the card's inputs.");
    }

    private static FieldError? ReadValue(InputField field, string text, out FeatureValue value)
    {
        if (!field.IsNumeric)
        {
            value = text;
            return FieldRules.CheckCategory(field, text);
        }

        value = default;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return FieldErrors.WrongType(field, $"'{FieldText.Excerpt(text)}'");
        }

        value = number;
        return FieldRules.CheckNumber(field, number);
    }
}
