namespace MlApp.Model.Card;

/// <summary>The card's <c>onnx</c> section: which graph inputs and outputs carry the schema's fields and the prediction.</summary>
public sealed record OnnxBinding
{
    public required OnnxInputMode InputMode { get; init; }

    /// <summary>Tensor mode only: the name of the graph's input; may be left out when the graph has exactly one input.</summary>
    public string? Input { get; init; }

    public required OnnxOutputNames Outputs { get; init; }
}
