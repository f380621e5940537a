
using MlApp.Model.Card;
namespace MlApp.Web.ModelInfo;

/// <summary>How a schema name reads on the page: <c>bill_length_mm</c> with unit mm becomes "Bill length (mm)".</summary>
public static class FieldLabel
{
    public static string For(InputField field)
    {
        var words = field.Name.Replace('_', ' ').Replace('-', ' ').Trim();
        if (field.Unit is { Length: > 0 } unit && words.EndsWith(" " + unit, StringComparison.OrdinalIgnoreCase))
        {
            words = words[..^(unit.Length + 1)];
        }

        var label = words.Length == 0 ? field.Name : char.ToUpperInvariant(words[0]) + words[1..];
        return field.Unit is { Length: > 0 } ? $"{label} ({field.Unit})" : label;
    }

    /// <summary>"25 to 65 mm", "at least 0", or the allowed categories: what the model was trained on.</summary>
    public static string Allowed(InputField field) => (field.Categories, field.Minimum, field.Maximum) switch
    {
        ({ } categories, _, _) => "One of " + string.Join(", ", categories),
        (_, { } min, { } max) => $"{Number(min)} to {Number(max)}{Unit(field)}",
        (_, { } min, null) => $"At least {Number(min)}{Unit(field)}",
        (_, null, { } max) => $"At most {Number(max)}{Unit(field)}",
        _ => field.Type == FieldType.Integer ? "A whole number" : "A number",
    };

    public static string Number(double value) => value.ToString("G", System.Globalization.CultureInfo.InvariantCulture);

    private static string Unit(InputField field) => field.Unit is { Length: > 0 } unit ? " " + unit : "";
}
