namespace MlApp.Model.Training.Penguins;

/// <summary>What ML.NET predicts for a row, read back to compare with ONNX Runtime and to measure the model.</summary>
internal sealed class PenguinPrediction
{
    public string PredictedLabel { get; set; } = "";

    public float[] Score { get; set; } = [];
}
