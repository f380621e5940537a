namespace MlApp.Model.Card;

/// <summary>
/// What a model is, what it takes and gives, how good it is and where its data came from. Read from
/// <c>model.json</c> next to <c>model.onnx</c>, so that a new tabular model needs a card, not C#.
/// </summary>
public sealed record ModelCard
{
    public required string Name { get; init; }

    public required string Version { get; init; }

    public string Description { get; init; } = "";

    public required ModelTask Task { get; init; }

    /// <summary>The input schema, in the order a tensor-mode graph expects its columns.</summary>
    public required IReadOnlyList<InputField> Inputs { get; init; }

    public required ModelOutput Output { get; init; }

    public IReadOnlyList<EvaluationMetric> Metrics { get; init; } = [];

    public DatasetInfo? Dataset { get; init; }

    /// <summary>How the schema maps onto the ONNX graph's inputs and outputs.</summary>
    public required OnnxBinding Onnx { get; init; }

    public InputField? FindInput(string name) => Inputs.FirstOrDefault(field => field.Name == name);
}
