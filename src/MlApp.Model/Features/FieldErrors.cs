using MlApp.Model.Card;

namespace MlApp.Model.Features;

/// <summary>Every validation message in one place, so the JSON and CSV readers word the same problem the same way.</summary>
internal static class FieldErrors
{
    public static FieldError Missing(InputField field) =>
        new(field.Name, FieldProblem.Missing, $"Field '{field.Name}' is missing; it is required.");

    public static FieldError Unknown(string name, IEnumerable<InputField> inputs) =>
        new(FieldText.Excerpt(name), FieldProblem.Unknown, $"Field '{FieldText.Excerpt(name)}' is not an input of this model; the inputs are: {FieldText.List(inputs.Select(field => field.Name))}.");

    public static FieldError Duplicate(string name) =>
        new(FieldText.Excerpt(name), FieldProblem.Duplicate, $"Field '{FieldText.Excerpt(name)}' is given more than once.");

    public static FieldError Null(InputField field) =>
        new(field.Name, FieldProblem.Null, $"Field '{field.Name}' is null; it is required.");

    public static FieldError Empty(InputField field) =>
        new(field.Name, FieldProblem.Null, $"Field '{field.Name}' is empty; it is required.");

    /// <param name="got">What came instead, e.g. "a string" or "'abc'".</param>
    public static FieldError WrongType(InputField field, string got) =>
        new(field.Name, FieldProblem.WrongType, $"Field '{field.Name}' must be {Expected(field)}, but got {got}.");

    public static FieldError NotANumber(InputField field) =>
        new(field.Name, FieldProblem.NotANumber, $"Field '{field.Name}' is NaN; it must be a finite number.");

    public static FieldError Infinite(InputField field, double value) =>
        new(field.Name, FieldProblem.Infinite, $"Field '{field.Name}' is {FieldText.Number(value)}; it must be a finite number.");

    public static FieldError NotWhole(InputField field, double value) =>
        new(field.Name, FieldProblem.NotWhole, $"Field '{field.Name}' is {FieldText.Number(value)}; it must be a whole number.");

    public static FieldError OutOfRange(InputField field, double value)
    {
        var limit = (field.Minimum, field.Maximum) switch
        {
            ({ } min, { } max) => $"outside the allowed range {FieldText.Number(min)} to {FieldText.WithUnit(max, field.Unit)}",
            ({ } min, null) => $"below the allowed minimum {FieldText.WithUnit(min, field.Unit)}",
            (null, { } max) => $"above the allowed maximum {FieldText.WithUnit(max, field.Unit)}",
            _ => "out of range",
        };
        return new(field.Name, FieldProblem.OutOfRange, $"Field '{field.Name}' is {FieldText.Number(value)}, {limit}.");
    }

    public static FieldError UnknownCategory(InputField field, string value) =>
        new(field.Name, FieldProblem.UnknownCategory,
            $"Field '{field.Name}' is '{FieldText.Excerpt(value)}', which is not one of the allowed values: {FieldText.List(field.Categories ?? [])}.");

    public static FieldError NotAnObject(string got) =>
        new("", FieldProblem.NotAnObject, $"The input must be a JSON object with one property per field, but got {got}.");

    public static FieldError CellCount(int cells, int columns) =>
        new("", FieldProblem.CellCount, $"The row has {cells} cells, but the header has {columns} columns.");

    private static string Expected(InputField field) => field.Type switch
    {
        FieldType.Number => "a number",
        FieldType.Integer => "a whole number",
        _ => $"a string ({FieldText.Alternatives(field.Categories ?? [])})",
    };
}
