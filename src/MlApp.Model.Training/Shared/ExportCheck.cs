using MlApp.Model.Features;
using MlApp.Model.Onnx;

namespace MlApp.Model.Training.Shared;

/// <summary>Loads the exported folder with the app's own predictor and compares it with ML.NET, row by row.</summary>
internal static class ExportCheck
{
    /// <summary>ONNX Runtime and ML.NET differ only by float rounding; anything bigger is a broken export.</summary>
    public const double Tolerance = 1e-5;

    public static double Compare(string folder, HeldOutSet set)
    {
        using var predictor = OnnxPredictor.Load(folder);
        var rows = set.Rows.Select(row => new FeatureRow(row.Input)).ToList();
        var predictions = predictor.PredictBatch(rows);
        var maxDifference = 0.0;
        for (var index = 0; index < rows.Count; index++)
        {
            var expected = set.Rows[index];
            var actual = predictions[index];
            if (expected.Label != actual.Label)
            {
                throw new ExportCheckException($"Held-out row {index}: ML.NET says '{expected.Label}', ONNX Runtime says '{actual.Label}'.");
            }

            for (var column = 0; column < (expected.Scores?.Count ?? 0); column++)
            {
                maxDifference = Math.Max(maxDifference, Math.Abs(expected.Scores![column] - actual.Scores![set.Classes![column]]));
            }

            if (expected.Value is { } value)
            {
                maxDifference = Math.Max(maxDifference, Math.Abs(value - actual.Value!.Value) / Math.Max(1, Math.Abs(value)));
            }
        }

        return maxDifference <= Tolerance
            ? maxDifference
            : throw new ExportCheckException($"ONNX Runtime differs from ML.NET by up to {maxDifference:E2}, over {Tolerance:E0}.");
    }
}
