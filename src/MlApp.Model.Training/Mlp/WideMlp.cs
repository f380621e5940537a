using System.Globalization;
using MlApp.Model.Card;

namespace MlApp.Model.Training.Mlp;

/// <summary>
/// A wide multi-layer perceptron with seeded random weights, for the <c>gpu</c> benchmark: a graph heavy enough for a GPU
/// to matter (about 2·width² multiply-adds per row and hidden layer), with a card like any served model's. Its
/// predictions mean nothing; it has the shape and cost of a real network, not its training.
/// </summary>
public static class WideMlp
{
    public const string InputName = "features";
    public const string OutputName = "value";

    /// <summary>Writes model.onnx and model.json to <paramref name="folder"/>; returns what it wrote, in words.</summary>
    public static string Write(string folder, int features = 32, int width = 2048, int hiddenLayers = 3, int seed = 42)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var nodes = new List<Google.Protobuf.ByteString>();
        var weights = new List<Google.Protobuf.ByteString>();
        var previous = InputName;
        var fanIn = features;
        for (var layer = 0; layer <= hiddenLayers; layer++)
        {
            var last = layer == hiddenLayers;
            var fanOut = last ? 1 : width;
            weights.Add(OnnxProto.Tensor($"w{layer}", [fanIn, fanOut], Gaussian(random, fanIn * fanOut, Math.Sqrt(2.0 / fanIn))));
            weights.Add(OnnxProto.Tensor($"b{layer}", [fanOut], new float[fanOut]));
            var gemm = last ? OutputName : $"gemm{layer}";
            nodes.Add(OnnxProto.Node("Gemm", [previous, $"w{layer}", $"b{layer}"], gemm));
            previous = gemm;
            if (!last)
            {
                previous = $"relu{layer}";
                nodes.Add(OnnxProto.Node("Relu", [gemm], previous));
            }

            fanIn = fanOut;
        }

        var graph = OnnxProto.Graph("wide_mlp", nodes, weights, OnnxProto.FloatMatrix(InputName, features), OnnxProto.FloatMatrix(OutputName, 1));
        var onnx = Path.Combine(folder, ModelFolder.OnnxFileName);
        File.WriteAllBytes(onnx, OnnxProto.Model(graph, opset: 17).ToByteArray());
        File.WriteAllText(Path.Combine(folder, ModelFolder.CardFileName), ModelCardJson.Serialize(Card(features, width, hiddenLayers)));
        return $"wide-mlp: {features} inputs, {hiddenLayers} hidden layers of {width}, {new FileInfo(onnx).Length:N0} bytes in {folder}";
    }

    /// <summary>The CSV header and rows the card accepts: every feature a number in [0, 1).</summary>
    public static IEnumerable<string> Csv(int features, int rows, int seed = 42)
    {
        var random = new Random(seed);
        yield return string.Join(',', Enumerable.Range(0, features).Select(FeatureName));
        for (var row = 0; row < rows; row++)
        {
            yield return string.Join(',', Enumerable.Range(0, features).Select(_ => random.NextDouble().ToString("F4", CultureInfo.InvariantCulture)));
        }
    }

    private static ModelCard Card(int features, int width, int hiddenLayers) => new()
    {
        Name = "wide-mlp",
        Version = "1.0.0",
        Description = $"A benchmark load, not a model: {hiddenLayers} ReLU layers of {width} with seeded random weights.",
        Task = ModelTask.Regression,
        Inputs = [.. Enumerable.Range(0, features).Select(index => new InputField
        {
            Name = FeatureName(index),
            Type = FieldType.Number,
            Minimum = 0,
            Maximum = 1,
            Example = 0.5,
        })],
        Output = new ModelOutput { Name = "score" },
        Onnx = new OnnxBinding { InputMode = OnnxInputMode.Tensor, Input = InputName, Outputs = new OnnxOutputNames { Value = OutputName } },
    };

    private static string FeatureName(int index) => $"x{index:D2}";

    /// <summary>He initialisation, so that activations neither vanish nor blow up through the ReLU layers.</summary>
    private static float[] Gaussian(Random random, int count, double scale)
    {
        var values = new float[count];
        for (var index = 0; index < count; index++)
        {
            var u = 1.0 - random.NextDouble();
            values[index] = (float)(scale * Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * random.NextDouble()));
        }

        return values;
    }
}
