namespace MlApp.Costs.Prices;

/// <summary>CloudWatch Logs standard-class rates: what is written, and what is kept.</summary>
public sealed record LogPrices(decimal PerGbIngested, decimal PerGbMonth);
