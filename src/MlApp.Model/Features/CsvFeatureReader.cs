using System.Globalization;

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

    private CsvFeatureReader(ModelCard card, IReadOnlyList<string> header, InputField?[] columns)
    {
        this.card = card;
        this.columns = columns;
        Header = header;
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
