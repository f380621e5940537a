using System.Globalization;
using System.Text;

using MlApp.Model.Card;
namespace MlApp.Web.ModelInfo;

/// <summary>
/// A small CSV that matches the model's schema, to download and upload as a first batch job: the card's example, then
/// rows that walk each numeric field across its range and cycle through each field's categories.
/// </summary>
public static class SampleCsv
{
    public const int Rows = 5;

    public static string For(ModelCard card)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', card.Inputs.Select(field => Quote(field.Name))).Append('\n');
        for (var row = 0; row < Rows; row++)
        {
            csv.AppendJoin(',', card.Inputs.Select(field => Quote(Value(field, row)))).Append('\n');
        }

        return csv.ToString();
    }

    private static string Value(InputField field, int row)
    {
        if (field.Categories is { Count: > 0 } categories)
        {
            var start = field.Example is { IsCategory: true } example ? Math.Max(0, categories.ToList().IndexOf(example.Category)) : 0;
            return categories[(start + row) % categories.Count];
        }

        if (row == 0 && field.Example is { IsNumber: true } first)
        {
            return first.ToString();
        }

        if (field is { Minimum: { } min, Maximum: { } max })
        {
            // Evenly inside the range, never on its edges: (row / (Rows + 1)) of the way from min to max.
            var value = min + (max - min) * row / (Rows + 1);
            return field.Type == FieldType.Integer
                ? Math.Round(value).ToString(CultureInfo.InvariantCulture)
                : Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
        }

        return field.Example?.ToString() ?? (field.Minimum ?? 0).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4180: quote a cell that holds a comma, a quote or a line break, doubling its quotes.</summary>
    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;
}
