using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

using MlApp.Model.Card;
using MlApp.Model.Features;
namespace MlApp.Model.Onnx;

/// <summary>ML.NET's export style: one [-1,1] input per field, float for numbers and string for categories.</summary>
internal sealed class ColumnsInputLayout : OnnxInputLayout
{
    private ColumnsInputLayout(IReadOnlyList<InputField> fields)
        : base(fields, [.. fields.Select(input => input.Name)])
    {
    }

    public static ColumnsInputLayout Bind(ModelCard card, IReadOnlyDictionary<string, NodeMetadata> graphInputs, List<string> problems)
    {
        foreach (var field in card.Inputs)
        {
            if (!graphInputs.TryGetValue(field.Name, out var node))
            {
                problems.Add($"input field '{field.Name}' has no graph input of that name; the graph's inputs are: {OnnxGraphText.Names(graphInputs)}.");
                continue;
            }

            var wanted = field.IsNumeric ? TensorElementType.Float : TensorElementType.String;
            if (!node.IsTensor || node.ElementDataType != wanted || node.Dimensions.Length != 2 || node.Dimensions[1] != 1)
            {
                problems.Add($"graph input '{field.Name}' is {OnnxGraphText.Describe(node)}, but the {FieldText.TypeName(field.Type)} field needs {OnnxGraphText.ElementName(wanted)}[-1,1] in the columns mode.");
            }
            else if (!OnnxGraphText.HasDynamicBatch(node))
            {
                problems.Add($"graph input '{field.Name}' has a fixed batch size of {node.Dimensions[0]}; export it with a dynamic first axis.");
            }
        }

        foreach (var name in graphInputs.Keys.Where(name => card.FindInput(name) is null))
        {
            problems.Add($"graph input '{name}' has no input field in the card, and every graph input must be fed (was the label exported as an input? export the features only).");
        }

        return new ColumnsInputLayout(card.Inputs);
    }

    public override OrtValue[] Create(FeatureColumns columns)
    {
        long[] shape = [columns.Count, 1];
        var values = new OrtValue[Fields.Count];
        try
        {
            for (var column = 0; column < Fields.Count; column++)
            {
                values[column] = Fields[column].IsNumeric ? Numbers(columns.Numbers(column), shape) : Categories(columns.Categories(column), shape);
            }

            return values;
        }
        catch
        {
            foreach (var value in values)
            {
                value?.Dispose();
            }

            throw;
        }
    }

    private static OrtValue Numbers(ReadOnlySpan<double> column, long[] shape)
    {
        var data = new float[column.Length];
        for (var index = 0; index < column.Length; index++)
        {
            data[index] = (float)column[index];
        }

        return OrtValue.CreateTensorValueFromMemory(data, shape);
    }

    private static OrtValue Categories(ReadOnlySpan<string> column, long[] shape)
    {
        var tensor = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
        try
        {
            for (var index = 0; index < column.Length; index++)
            {
                tensor.StringTensorSetElementAt(column[index].AsSpan(), index);
            }

            return tensor;
        }
        catch
        {
            tensor.Dispose();
            throw;
        }
    }
}
