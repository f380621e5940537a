namespace MlApp.Model.Training.Shared;

/// <summary>Accuracy, macro-F1 and log-loss, computed from the predictions themselves so the figures are easy to check by hand.</summary>
internal static class ClassificationMetrics
{
    public static (double Accuracy, double MacroF1, double LogLoss) Measure(
        IReadOnlyList<string> actual, IReadOnlyList<string> predicted, IReadOnlyList<float[]> scores, IReadOnlyList<string> classes)
    {
        var correct = actual.Where((label, index) => label == predicted[index]).Count();
        var f1 = classes.Select(label =>
        {
            var truePositives = actual.Where((value, index) => value == label && predicted[index] == label).Count();
            var predictedCount = predicted.Count(value => value == label);
            var actualCount = actual.Count(value => value == label);
            var precision = predictedCount == 0 ? 0 : (double)truePositives / predictedCount;
            var recall = actualCount == 0 ? 0 : (double)truePositives / actualCount;
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        });

        // ML.NET's convention: the natural log, with probabilities clipped away from zero.
        var logLoss = actual.Select((label, index) => -Math.Log(Math.Max(scores[index][IndexOf(classes, label)], 1e-15))).Average();
        return ((double)correct / actual.Count, f1.Average(), logLoss);
    }

    private static int IndexOf(IReadOnlyList<string> classes, string label)
    {
        for (var index = 0; index < classes.Count; index++)
        {
            if (classes[index] == label)
            {
                return index;
            }
        }

        throw new ArgumentException($"'{label}' is not a class.");
    }
}
