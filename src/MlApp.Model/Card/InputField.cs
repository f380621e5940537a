using System.Text.Json.Serialization;

using MlApp.Model.Features;
namespace MlApp.Model.Card;

/// <summary>One input of the model: its type, its allowed values and what it means, for validation and for the people who fill it in.</summary>
public sealed record InputField
{
    public required string Name { get; init; }

    public required FieldType Type { get; init; }

    public string Description { get; init; } = "";

    public string? Unit { get; init; }

    /// <summary>Inclusive; numbers outside the range the model was trained on are refused rather than extrapolated.</summary>
    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    /// <summary>The allowed values of a category field, compared exactly (case matters, as it does in the graph).</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    public FeatureValue? Example { get; init; }

    /// <summary>
    /// An optional field that is absent reaches the graph as a missing value (NaN for numbers, an empty string for
    /// categories), so only mark a field optional when the model was trained to handle that.
    /// </summary>
    public bool Required { get; init; } = true;

    [JsonIgnore]
    public bool IsNumeric => Type is FieldType.Number or FieldType.Integer;
}
