namespace MlApp.Model.Card;

/// <summary>What the model gives back: the name of the label (with its classes) or of the predicted value (with its unit).</summary>
public sealed record ModelOutput
{
    /// <summary>The label's name for classification (e.g. <c>species</c>), the value's name for regression.</summary>
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Classification only: the class labels in the order of the graph's score columns.</summary>
    public IReadOnlyList<string>? Classes { get; init; }

    /// <summary>Regression only.</summary>
    public string? Unit { get; init; }
}
