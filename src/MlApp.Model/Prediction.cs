namespace MlApp.Model;

/// <summary>The model's answer for one row: a label with a score per class (classification) or a value (regression).</summary>
public sealed record Prediction
{
    public string? Label { get; init; }

    public float? Value { get; init; }

    /// <summary>One score per class, in the card's class order; null when the graph gives labels only.</summary>
    public IReadOnlyDictionary<string, float>? Scores { get; init; }
}
