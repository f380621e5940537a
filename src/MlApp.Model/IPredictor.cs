using MlApp.Model.Card;
using MlApp.Model.Features;

namespace MlApp.Model;

/// <summary>
/// The one predictor that realtime (the Lambda) and batch (the Fargate task) both run. Loaded once per process and
/// shared: implementations must be thread-safe. Implement it yourself only for models a card can't describe
/// (images, text tokenisation, custom pre- or post-processing).
/// </summary>
public interface IPredictor
{
    ModelCard Card { get; }

    /// <summary>Where predictions run, as a job records it: <c>cpu</c> or <c>cuda</c> (<see cref="ModelDevices"/>).</summary>
    string Device => ModelDevices.Cpu;

    Prediction Predict(FeatureRow row);

    /// <summary>Predicts many rows in one run of the model, which is much faster per row than one call each.</summary>
    IReadOnlyList<Prediction> PredictBatch(IReadOnlyList<FeatureRow> rows);

    /// <summary>
    /// Predicts rows held column by column, with the answers column by column in row order: what the batch worker reads a
    /// chunk into and writes its result from. The default goes through rows and <see cref="PredictBatch"/>;
    /// <c>OnnxPredictor</c> feeds the columns to the graph and reads its outputs as they are.
    /// </summary>
    PredictionColumns PredictColumns(FeatureColumns columns) => PredictionColumns.From(Card, PredictBatch(columns.ToRows()));
}
