namespace MlApp.Model.Invocation;

/// <summary>The function's answer: one prediction per input row, in order, and which model made them.</summary>
public sealed record PredictResponse(IReadOnlyList<Prediction> Predictions, string ModelName, string ModelVersion);
