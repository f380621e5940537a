namespace MlApp.Costs.Prices;

/// <summary>Application Load Balancer rates: a fixed hourly charge plus the load balancer capacity units (LCU) used each hour.</summary>
public sealed record LoadBalancerPrices(decimal PerHour, decimal PerLcuHour);
