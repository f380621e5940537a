namespace MlApp.Model.Card;

/// <summary>
/// Names of the graph outputs to read. Classification needs scores, a label, or both (without a label output the
/// label is the class with the highest score); regression needs a value.
/// </summary>
public sealed record OnnxOutputNames
{
    public string? Label { get; init; }

    public string? Scores { get; init; }

    public string? Value { get; init; }
}
