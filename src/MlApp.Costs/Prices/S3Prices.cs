namespace MlApp.Costs.Prices;

/// <summary>S3 Standard rates: storage and the two request classes the jobs use.</summary>
public sealed record S3Prices(decimal PerGbMonth, decimal PerThousandPuts, decimal PerThousandGets);
