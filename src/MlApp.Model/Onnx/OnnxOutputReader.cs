using System.Globalization;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

using MlApp.Model.Card;
namespace MlApp.Model.Onnx;

/// <summary>Reads the graph outputs the card names into predictions; only those outputs are computed.</summary>
internal sealed class OnnxOutputReader
{
    /// <summary>The longest label looked up among the classes, on the stack.</summary>
    private const int MaxLookedUpLabelChars = 128;

    private readonly ModelCard card;
    private readonly string[] classes;

    /// <summary>The card's classes by their text, so that a graph's label that is one of them costs no new string.</summary>
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> knownLabels;
    private readonly int labelIndex;
    private readonly int scoresIndex;
    private readonly int valueIndex;

    private OnnxOutputReader(ModelCard card, IReadOnlyList<string> outputNames)
    {
        this.card = card;
        classes = [.. card.Output.Classes ?? []];
        knownLabels = classes.Distinct().ToDictionary(name => name, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
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

    public PredictionColumns Read(IReadOnlyList<OrtValue> outputs, int rows)
    {
        if (card.Task == ModelTask.Regression)
        {
            return PredictionColumns.Regressed(card, Span(outputs[valueIndex], TensorElementType.Float, rows).ToArray());
        }

        var scores = scoresIndex >= 0 ? Span(outputs[scoresIndex], TensorElementType.Float, rows * classes.Length).ToArray() : null;
        var labels = labelIndex >= 0 ? Labels(outputs[labelIndex], rows) : new string[rows];
        if (labelIndex < 0)
        {
            for (var row = 0; row < rows; row++)
            {
                labels[row] = classes[ArgMax(scores.AsSpan(row * classes.Length, classes.Length))];
            }
        }

        return PredictionColumns.Classified(card, labels, scores);
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

    /// <summary>The label of each row, as text: the graph's strings, or its integer labels in the invariant culture.</summary>
    private string[] Labels(OrtValue value, int rows)
    {
        var labels = new string[rows];
        if (value.GetTensorTypeAndShape().ElementDataType == TensorElementType.String)
        {
            for (var row = 0; row < rows; row++)
            {
                labels[row] = Label(value.GetStringElementAsSpan(row));
            }

            return labels;
        }

        var numbers = value.GetTensorDataAsSpan<long>();
        for (var row = 0; row < rows; row++)
        {
            labels[row] = numbers[row].ToString(CultureInfo.InvariantCulture);
        }

        return labels;
    }

    /// <summary>
    /// A graph's label as the card's string for it, or as a new string when it is none of the card's classes (or too long
    /// to look up on the stack). Either way the same text that <see cref="OrtValue.GetStringElement"/> gives.
    /// </summary>
    private string Label(ReadOnlySpan<byte> utf8)
    {
        Span<char> text = stackalloc char[MaxLookedUpLabelChars];
        return utf8.Length <= text.Length && knownLabels.TryGetValue(text[..Encoding.UTF8.GetChars(utf8, text)], out var known)
            ? known
            : Encoding.UTF8.GetString(utf8);
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
