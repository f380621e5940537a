namespace MlApp.Model.Card;

/// <summary>One measured quality figure, with the data it was measured on, so a reader can judge it.</summary>
public sealed record EvaluationMetric(string Name, double Value, string Dataset, string Split);
