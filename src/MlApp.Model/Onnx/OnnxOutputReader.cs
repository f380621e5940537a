using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

using MlApp.Model.Card;
namespace MlApp.Model.Onnx;

/// <summary>Reads the graph outputs the card names into predictions; only those outputs are computed.</summary>
internal sealed class OnnxOutputReader
{
    private readonly ModelCard card;
    private readonly string[] classes;
    private readonly int labelIndex;
    private readonly int scoresIndex;
    private readonly int valueIndex;

    private OnnxOutputReader(ModelCard card, IReadOnlyList<string> outputNames)
    {
        this.card = card;
        classes = [.. card.Output.Classes ?? []];
        OutputNames = outputNames;
        labelIndex = IndexOf(card.Onnx.Outputs.Label);
        scoresIndex = IndexOf(card.Onnx.Outputs.Scores);
        valueIndex = IndexOf(card.Onnx.Outputs.Value);
    }

    public IReadOnlyList<string> OutputNames { get; }

    public static OnnxOutputReader Bind(ModelCard card, InferenceSession session, List<string> problems)
    {
        var graphOutputs = session.OutputMetadata;
        var outputs = card.Onnx.Outputs;
        var names = new List<string>();
        Check("label", outputs.Label, [TensorElementType.String, TensorElementType.Int64]);
        Check("scores", outputs.Scores, [TensorElementType.Float]);
        Check("value", outputs.Value, [TensorElementType.Float]);
        return new OnnxOutputReader(card, names);

        void Check(string role, string? name, TensorElementType[] types)
        {
            if (name is null)
            {
                return;
            }

            names.Add(name);
            if (!graphOutputs.TryGetValue(name, out var node))
            {
                problems.Add($"onnx.outputs.{role} '{name}' is not a graph output; the graph's outputs are: {OnnxGraphText.Names(graphOutputs)}.");
            }
            else if (node.OnnxValueType == OnnxValueType.ONNX_TYPE_SEQUENCE)
            {
                problems.Add($"graph output '{name}' is a sequence (of maps?): export scikit-learn classifiers with zipmap=False so that scores are a float tensor.");
            }
            else if (!node.IsTensor || !types.Contains(node.ElementDataType))
            {
                problems.Add($"graph output '{name}' ({role}) is {OnnxGraphText.Describe(node)}, but {role} must be a tensor of {string.Join(" or ", types.Select(OnnxGraphText.ElementName))}.");
            }
            else if (role == "scores" && node.Dimensions is [_, > 0 and var width] && width != (card.Output.Classes?.Count ?? 0))
            {
                problems.Add($"graph output '{name}' has {width} scores per row, but output.classes lists {card.Output.Classes?.Count ?? 0} classes.");
            }
        }
    }

    public Prediction[] Read(IReadOnlyList<OrtValue> outputs, int rows)
    {
        var predictions = new Prediction[rows];
        if (card.Task == ModelTask.Regression)
        {
            var values = Span(outputs[valueIndex], TensorElementType.Float, rows);
            for (var row = 0; row < rows; row++)
            {
                predictions[row] = new Prediction { Value = values[row] };
            }

            return predictions;
        }

        var scores = scoresIndex >= 0 ? Span(outputs[scoresIndex], TensorElementType.Float, rows * classes.Length) : default;
        for (var row = 0; row < rows; row++)
        {
            var rowScores = scoresIndex >= 0 ? scores.Slice(row * classes.Length, classes.Length) : default;
            predictions[row] = new Prediction
            {
                Label = labelIndex >= 0 ? Label(outputs[labelIndex], row) : classes[ArgMax(rowScores)],
                Scores = scoresIndex >= 0 ? ScoreMap(rowScores) : null,
            };
        }

        return predictions;
    }

    private int IndexOf(string? name) => name is null ? -1 : OutputNames.ToList().IndexOf(name);

    private static ReadOnlySpan<float> Span(OrtValue value, TensorElementType type, int expected)
    {
        var info = value.GetTensorTypeAndShape();
        if (info.ElementDataType != type || info.ElementCount != expected)
        {
            throw new InvalidOperationException($"The graph returned {info.ElementCount} {OnnxGraphText.ElementName(info.ElementDataType)} values where {expected} were expected.");
        }

        return value.GetTensorDataAsSpan<float>();
    }

    private static string Label(OrtValue value, int row) => value.GetTensorTypeAndShape().ElementDataType == TensorElementType.String
        ? value.GetStringElement(row)
        : value.GetTensorDataAsSpan<long>()[row].ToString(CultureInfo.InvariantCulture);

    private Dictionary<string, float> ScoreMap(ReadOnlySpan<float> rowScores)
    {
        var map = new Dictionary<string, float>(classes.Length, StringComparer.Ordinal);
        for (var index = 0; index < classes.Length; index++)
        {
            map[classes[index]] = rowScores[index];
        }

        return map;
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var index = 1; index < values.Length; index++)
        {
            if (values[index] > values[best])
            {
                best = index;
            }
        }

        return best;
    }
}
