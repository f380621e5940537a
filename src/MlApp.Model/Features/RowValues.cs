using MlApp.Model.Card;

namespace MlApp.Model.Features;

/// <summary>
/// Reads a field from a row for the graph. Readers have validated the values already; this only guards against rows
/// built by hand, and turns an absent optional field into the graph's missing value.
/// </summary>
internal static class RowValues
{
    public static double Number(FeatureRow row, int index, InputField field)
    {
        if (!row.TryGetValue(field.Name, out var value))
        {
            return field.Required ? throw Missing(index, field) : double.NaN;
        }

        return value.IsNumber
            ? value.Number
            : throw new ArgumentException($"Row {index}: field '{field.Name}' must be a number, but is the text '{value.Category}'.", "rows");
    }

    public static string Category(FeatureRow row, int index, InputField field)
    {
        if (!row.TryGetValue(field.Name, out var value))
        {
            return field.Required ? throw Missing(index, field) : "";
        }

        return value.IsCategory
            ? value.Category
            : throw new ArgumentException($"Row {index}: field '{field.Name}' must be a category, but is the number {value}.", "rows");
    }

    private static ArgumentException Missing(int index, InputField field) =>
        new($"Row {index}: the required field '{field.Name}' is missing. Read rows with JsonFeatureReader or CsvFeatureReader, which validate them.", "rows");
}
