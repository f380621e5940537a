using MlApp.Model;
using MlApp.Model.Card;
using MlApp.Model.Features;

namespace MlApp.Tests.Integration.Batch;

/// <summary>A real predictor that says it runs on <paramref name="device"/>: what a worker on a GPU would report, on a machine without one.</summary>
internal sealed class ReportedDevice(IPredictor predictor, string device) : IPredictor
{
    public ModelCard Card => predictor.Card;

    public string Device => device;

    public Prediction Predict(FeatureRow row) => predictor.Predict(row);

    public IReadOnlyList<Prediction> PredictBatch(IReadOnlyList<FeatureRow> rows) => predictor.PredictBatch(rows);
}
