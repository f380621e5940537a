using System.Globalization;

using MlApp.Model.Card;
namespace MlApp.Model.Features;

/// <summary>How numbers, types and lists read in messages: invariant culture, so a message says the same on every server.</summary>
internal static class FieldText
{
    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        _ => value.ToString("G", CultureInfo.InvariantCulture),
    };

    public static string TypeName(FieldType type) => type switch
    {
        FieldType.Number => "number",
        FieldType.Integer => "whole number",
        _ => "category",
    };

    public static string WithUnit(double value, string? unit) => string.IsNullOrEmpty(unit) ? Number(value) : $"{Number(value)} {unit}";

    /// <summary>
    /// Caller-supplied text as it is echoed in a message: whole when short, else its start and its length, so that a
    /// megabyte-long value gets a short answer that still says what was wrong.
    /// </summary>
    public static string Excerpt(string text, int maxLength = 64) =>
        text.Length <= maxLength ? text : $"{text[..maxLength]}… ({text.Length.ToString(CultureInfo.InvariantCulture)} characters)";

    public static string List(IEnumerable<string> items) => string.Join(", ", items);

    /// <summary>"A, B or C".</summary>
    public static string Alternatives(IReadOnlyList<string> items) =>
        items.Count <= 1 ? List(items) : $"{string.Join(", ", items.Take(items.Count - 1))} or {items[^1]}";
}
