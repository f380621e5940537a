using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

using MlApp.Model.Card;
using MlApp.Model.Features;
namespace MlApp.Model.Onnx;

/// <summary>
/// Runs an ONNX model described by its card with ONNX Runtime. One instance per process: the session is expensive to
/// create and <see cref="InferenceSession"/> runs are thread-safe, so every request shares it.
/// </summary>
public sealed partial class OnnxPredictor : IPredictor, IDisposable
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly OnnxInputLayout inputs;
    private readonly OnnxOutputReader outputs;

    private OnnxPredictor(string folder, ModelCard card, InferenceSession session, ModelDevice device, OnnxInputLayout inputs, OnnxOutputReader outputs)
    {
        Folder = folder;
        Card = card;
        Device = device.ToText();
        this.session = session;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    public ModelCard Card { get; }

    public string Folder { get; }

    /// <summary><c>cuda</c> or <c>cpu</c>: where this session runs, after any fallback of <see cref="ModelDevice.Auto"/>.</summary>
    public string Device { get; }

    /// <summary>From opening the folder to the end of the first (smoke) prediction.</summary>
    public TimeSpan LoadTime { get; private set; }

    /// <summary>
    /// Loads and checks a model folder: the card must parse, the graph must load, the card must match the graph's
    /// inputs and outputs, and one prediction of the card's example must run. Anything else is a
    /// <see cref="ModelLoadException"/> that names the problem.
    /// </summary>
    /// <param name="intraOpThreads">Threads inside one run; 1 suits small tabular graphs (parallelism comes from concurrent requests), 0 lets ONNX Runtime choose.</param>
    /// <param name="device">The CPU unless asked: <see cref="ModelDevice.Cuda"/> fails where CUDA can't run, <see cref="ModelDevice.Auto"/> falls back.</param>
    public static OnnxPredictor Load(string folder, int intraOpThreads = 1, ILogger? logger = null, ModelDevice device = ModelDevice.Cpu)
    {
        logger ??= NullLogger.Instance;
        var stopwatch = Stopwatch.StartNew();
        folder = Path.GetFullPath(folder);
        ModelFolder.EnsureComplete(folder);
        var card = ModelCardJson.Load(Path.Combine(folder, ModelFolder.CardFileName));
        var (session, ranOn) = OnnxSessions.Open(Path.Combine(folder, ModelFolder.OnnxFileName), intraOpThreads, device, logger);
        OnnxPredictor? predictor = null;
        try
        {
            var problems = new List<string>();
            var inputs = OnnxInputLayout.Bind(card, session, problems);
            var outputs = OnnxOutputReader.Bind(card, session, problems);
            if (problems.Count > 0)
            {
                throw new ModelLoadException(ModelLoadException.Listing(
                    $"The card of model '{card.Name}' does not match its graph in '{folder}':", problems));
            }

            predictor = new OnnxPredictor(folder, card, session, ranOn, inputs, outputs);
            predictor.SmokeTest();
            predictor.LoadTime = stopwatch.Elapsed;
            LogLoaded(logger, card.Name, card.Version, folder, predictor.Device, predictor.LoadTime.TotalMilliseconds);
            return predictor;
        }
        catch
        {
            if (predictor is null)
            {
                session.Dispose();
            }
            else
            {
                predictor.Dispose();
            }

            throw;
        }
    }

    public Prediction Predict(FeatureRow row) => PredictBatch([row])[0];

    public IReadOnlyList<Prediction> PredictBatch(IReadOnlyList<FeatureRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return PredictColumns(FeatureColumns.From(Card, rows)).ToPredictions();
    }

    public PredictionColumns PredictColumns(FeatureColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            return PredictionColumns.From(Card, []);
        }

        var values = inputs.Create(columns);
        try
        {
            using var results = session.Run(runOptions, inputs.InputNames, values, outputs.OutputNames);
            return outputs.Read([.. results], columns.Count);
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    public void Dispose()
    {
        session.Dispose();
        runOptions.Dispose();
    }

    /// <summary>
    /// Runs the card's example once, so that a graph which loads but can't run fails at start-up rather than on the
    /// first request, and so that the first request doesn't pay for ONNX Runtime's lazy allocations.
    /// </summary>
    private void SmokeTest()
    {
        var example = FeatureRow.Of([.. Card.Inputs.Select(field => (field.Name, field.Example ?? Fallback(field)))]);
        try
        {
            Predict(example);
        }
        catch (Exception error) when (error is OnnxRuntimeException or InvalidOperationException)
        {
            throw new ModelLoadException($"Model '{Card.Name}' loaded but failed to predict its example ({example}): {error.Message}", error);
        }
    }

    private static FeatureValue Fallback(InputField field) =>
        field.IsNumeric ? field.Minimum ?? field.Maximum ?? 0 : field.Categories?.FirstOrDefault() ?? "";

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded model {Name} {Version} from {Folder} on the {Device} in {ElapsedMs:F1} ms")]
    private static partial void LogLoaded(ILogger logger, string name, string version, string folder, string device, double elapsedMs);
}
