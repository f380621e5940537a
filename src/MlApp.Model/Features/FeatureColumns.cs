using MlApp.Model.Card;

namespace MlApp.Model.Features;

/// <summary>
/// Validated rows held column by column in the card's input order, as a graph takes them: a number per numeric field
/// (NaN where an optional one is absent) and a category per text field ("" where absent), with no dictionary per row.
/// The batch worker fills one per chunk straight from its CSV cells (<see cref="CsvFeatureReader.TryAdd"/>); rows read
/// anywhere else come in through <see cref="Add"/>. Not thread-safe: filled and read by one thread, which may
/// <see cref="Clear"/> it for the next chunk.
/// </summary>
public sealed class FeatureColumns
{
    private readonly double[]?[] numbers;
    private readonly string[]?[] categories;

    public FeatureColumns(ModelCard card, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Card = card;
        Capacity = capacity;
        numbers = [.. card.Inputs.Select(field => field.IsNumeric ? new double[capacity] : null)];
        categories = [.. card.Inputs.Select(field => field.IsNumeric ? null : new string[capacity])];
    }

    public ModelCard Card { get; }

    public int Capacity { get; }

    /// <summary>The rows held, from index 0.</summary>
    public int Count { get; private set; }

    /// <summary>The rows' values of numeric field <paramref name="field"/> (an index into the card's inputs).</summary>
    public ReadOnlySpan<double> Numbers(int field) => (numbers[field] ?? throw NotA("numeric", field)).AsSpan(0, Count);

    /// <summary>The rows' values of text field <paramref name="field"/> (an index into the card's inputs).</summary>
    public ReadOnlySpan<string> Categories(int field) => (categories[field] ?? throw NotA("text", field)).AsSpan(0, Count);

    /// <summary>
    /// Forgets the rows held, keeping the arrays: a thread that fills chunk after chunk allocates its columns once
    /// (the batch worker allocated about 48 bytes a row before, which set off a gen0 collection every few thousand rows).
    /// </summary>
    public void Clear() => Count = 0;

    /// <summary>The columns of many rows; a row built by hand that lacks a required field, or has a value of the wrong kind, throws.</summary>
    public static FeatureColumns From(ModelCard card, IReadOnlyList<FeatureRow> rows)
    {
        var columns = new FeatureColumns(card, rows.Count);
        foreach (var row in rows)
        {
            columns.Add(row);
        }

        return columns;
    }

    /// <summary>Appends a row; see <see cref="From"/> for the rows it refuses.</summary>
    public void Add(FeatureRow row)
    {
        var index = NextRow;
        for (var field = 0; field < Card.Inputs.Count; field++)
        {
            var input = Card.Inputs[field];
            if (input.IsNumeric)
            {
                SetNumber(index, field, RowValues.Number(row, index, input));
            }
            else
            {
                SetCategory(index, field, RowValues.Category(row, index, input));
            }
        }

        Commit(index);
    }

    /// <summary>The rows again, for a predictor that takes rows: an absent optional value (NaN, "") is left out, as the readers leave it out.</summary>
    public IReadOnlyList<FeatureRow> ToRows()
    {
        var rows = new FeatureRow[Count];
        for (var row = 0; row < Count; row++)
        {
            var values = new List<KeyValuePair<string, FeatureValue>>(Card.Inputs.Count);
            for (var field = 0; field < Card.Inputs.Count; field++)
            {
                var name = Card.Inputs[field].Name;
                if (numbers[field] is { } column && !double.IsNaN(column[row]))
                {
                    values.Add(new(name, column[row]));
                }
                else if (categories[field] is { } texts && texts[row].Length > 0)
                {
                    values.Add(new(name, texts[row]));
                }
            }

            rows[row] = new FeatureRow(values);
        }

        return rows;
    }

    /// <summary>The row the next values go to: <see cref="Count"/>, while there is room for it.</summary>
    internal int NextRow => Count < Capacity ? Count : throw new InvalidOperationException($"The columns hold {Capacity} rows already.");

    /// <summary>Sets a value of the row at <see cref="NextRow"/>, which joins the others only when <see cref="Commit"/>ted.</summary>
    internal void SetNumber(int row, int field, double value) => numbers[field]![row] = value;

    /// <inheritdoc cref="SetNumber"/>
    internal void SetCategory(int row, int field, string value) => categories[field]![row] = value;

    /// <summary>Makes the row at <paramref name="row"/> (which must be <see cref="NextRow"/>) one of the held rows.</summary>
    internal void Commit(int row) => Count = row == NextRow ? row + 1 : throw new InvalidOperationException($"Row {row} is not the next of {Count} rows.");

    private InvalidOperationException NotA(string kind, int field) =>
        new($"Input '{Card.Inputs[field].Name}' is not a {kind} field.");
}
