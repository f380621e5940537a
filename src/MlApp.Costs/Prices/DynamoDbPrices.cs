namespace MlApp.Costs.Prices;

/// <summary>DynamoDB on-demand (pay-per-request) rates, the mode the job table uses.</summary>
public sealed record DynamoDbPrices(decimal PerMillionWriteUnits, decimal PerMillionReadUnits, decimal PerGbMonth);
