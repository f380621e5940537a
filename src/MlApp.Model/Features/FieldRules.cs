using MlApp.Model.Card;

namespace MlApp.Model.Features;

/// <summary>The checks on a value that don't depend on where it came from: finiteness, wholeness, range and allowed categories.</summary>
internal static class FieldRules
{
    public static FieldError? CheckNumber(InputField field, double value)
    {
        if (double.IsNaN(value))
        {
            return FieldErrors.NotANumber(field);
        }

        if (double.IsInfinity(value))
        {
            return FieldErrors.Infinite(field, value);
        }

        if (field.Type == FieldType.Integer && !double.IsInteger(value))
        {
            return FieldErrors.NotWhole(field, value);
        }

        if (value < field.Minimum || value > field.Maximum)
        {
            return FieldErrors.OutOfRange(field, value);
        }

        return null;
    }

    public static FieldError? CheckCategory(InputField field, string value) =>
        field.Categories is { } allowed && allowed.Contains(value, StringComparer.Ordinal) ? null : FieldErrors.UnknownCategory(field, value);

    public static FieldError? Check(InputField field, FeatureValue value) => (field.IsNumeric, value.IsNumber) switch
    {
        (true, true) => CheckNumber(field, value.Number),
        (false, false) => CheckCategory(field, value.Category),
        (true, false) => FieldErrors.WrongType(field, $"the text '{value.Category}'"),
        (false, true) => FieldErrors.WrongType(field, $"the number {FieldText.Number(value.Number)}"),
    };
}
