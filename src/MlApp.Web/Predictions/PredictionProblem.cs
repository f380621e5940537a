namespace MlApp.Web.Predictions;

/// <summary>Why no prediction came back, in words for the caller: the same text for the JSON API and for the page.</summary>
public sealed record PredictionProblem(int Status, string Title, string Detail, TimeSpan? RetryAfter = null);
