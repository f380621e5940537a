using MlApp.Model.Card;

namespace MlApp.Model.Training.Shared;

/// <summary>Builds card fields from the data, so ranges, categories and examples always match what the model saw.</summary>
internal static class Fields
{
    public static InputField Number(string name, string description, string unit, IReadOnlyCollection<double> values, double example)
    {
        var (minimum, maximum) = NiceRange.Around(values);
        return new InputField
        {
            Name = name,
            Type = values.All(double.IsInteger) ? FieldType.Integer : FieldType.Number,
            Description = description,
            Unit = unit,
            Minimum = minimum,
            Maximum = maximum,
            Example = example,
        };
    }

    public static InputField Category(string name, string description, IEnumerable<string> values, string example) => new()
    {
        Name = name,
        Type = FieldType.Category,
        Description = description,
        Categories = [.. values.Distinct().Order(StringComparer.Ordinal)],
        Example = example,
    };

    public static EvaluationMetric Metric(string name, double value, string dataset, string split) =>
        new(name, Math.Round(value, 4), dataset, split);
}
