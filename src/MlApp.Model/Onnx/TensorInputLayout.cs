using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

using MlApp.Model.Card;
using MlApp.Model.Features;
namespace MlApp.Model.Onnx;

/// <summary>scikit-learn's and PyTorch's style: one float [-1,k] input with the fields in schema order.</summary>
internal sealed class TensorInputLayout : OnnxInputLayout
{
    private TensorInputLayout(string inputName, IReadOnlyList<InputField> fields)
        : base(fields, [inputName])
    {
    }

    public static TensorInputLayout Bind(ModelCard card, IReadOnlyDictionary<string, NodeMetadata> graphInputs, List<string> problems)
    {
        var name = card.Onnx.Input;
        if (name is null)
        {
            if (graphInputs.Count != 1)
            {
                problems.Add($"onnx.input is not set and the graph has {graphInputs.Count} inputs ({OnnxGraphText.Names(graphInputs)}); name the one that takes the feature tensor.");
                return new TensorInputLayout("", card.Inputs);
            }

            name = graphInputs.Keys.Single();
        }

        if (!graphInputs.TryGetValue(name, out var node))
        {
            problems.Add($"onnx.input '{name}' is not a graph input; the graph's inputs are: {OnnxGraphText.Names(graphInputs)}.");
            return new TensorInputLayout(name, card.Inputs);
        }

        var width = card.Inputs.Count;
        if (!node.IsTensor || node.ElementDataType != TensorElementType.Float || node.Dimensions.Length != 2
            || node.Dimensions[1] > 0 && node.Dimensions[1] != width)
        {
            problems.Add($"graph input '{name}' is {OnnxGraphText.Describe(node)}, but the card's {width} input fields need float[-1,{width}] in the tensor mode.");
        }
        else if (!OnnxGraphText.HasDynamicBatch(node))
        {
            problems.Add($"graph input '{name}' has a fixed batch size of {node.Dimensions[0]}; export it with a dynamic first axis (dynamic_axes in torch.onnx.export, [None, {width}] in skl2onnx).");
        }

        foreach (var other in graphInputs.Keys.Where(other => other != name))
        {
            problems.Add($"graph input '{other}' is not fed: the tensor mode feeds one input ('{name}').");
        }

        return new TensorInputLayout(name, card.Inputs);
    }

    public override OrtValue[] Create(FeatureColumns columns)
    {
        var width = Fields.Count;
        var data = new float[columns.Count * width];
        for (var column = 0; column < width; column++)
        {
            var values = columns.Numbers(column);
            for (var index = 0; index < values.Length; index++)
            {
                data[index * width + column] = (float)values[index];
            }
        }

        return [OrtValue.CreateTensorValueFromMemory(data, [columns.Count, width])];
    }
}
