namespace MlApp.ServiceDefaults.Metrics;

/// <summary>One figure of a metric document, with its CloudWatch unit (Seconds, Count, ...).</summary>
public sealed record MetricValue(string Name, double Value, string Unit);
