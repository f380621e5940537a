namespace MlApp.Costs.Prices;

/// <summary>Fargate's rates for one CPU architecture. AWS bills per second (one-minute minimum) but quotes per hour.</summary>
public sealed record FargatePrices(decimal PerVcpuHour, decimal PerGbHour)
{
    /// <summary>What one task of the given size costs for an hour.</summary>
    public decimal PerTaskHour(decimal vcpu, decimal memoryGb) => vcpu * PerVcpuHour + memoryGb * PerGbHour;
}
