using Microsoft.ML.OnnxRuntime;

using MlApp.Model.Card;
using MlApp.Model.Features;
namespace MlApp.Model.Onnx;

/// <summary>Turns rows into the graph's input tensors, in one of the card's input modes.</summary>
internal abstract class OnnxInputLayout(IReadOnlyList<InputField> fields, IReadOnlyList<string> inputNames)
{
    public IReadOnlyList<string> InputNames { get; } = inputNames;

    /// <summary>The card's input fields, in schema order: what each row carries, whichever way it is laid out.</summary>
    protected IReadOnlyList<InputField> Fields { get; } = fields;

    /// <summary>Checks the graph against the card; adds every mismatch to <paramref name="problems"/>.</summary>
    public static OnnxInputLayout Bind(ModelCard card, InferenceSession session, List<string> problems) => card.Onnx.InputMode switch
    {
        OnnxInputMode.Tensor => TensorInputLayout.Bind(card, session.InputMetadata, problems),
        _ => ColumnsInputLayout.Bind(card, session.InputMetadata, problems),
    };

    /// <summary>One tensor per input name, each with one entry (or row) per feature row. The caller disposes them.</summary>
    public abstract OrtValue[] Create(FeatureColumns columns);
}
