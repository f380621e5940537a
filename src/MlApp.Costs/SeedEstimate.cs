using MlApp.Costs.Prices;

namespace MlApp.Costs;

/// <summary>The seed design document's own monthly estimate, as published, and how its frontend figure came about.</summary>
public static class SeedEstimate
{
    /// <summary>"0.5 GB of RAM and 0.25 vCPU ... 24 hours for 30 days ... $8.88 USD".</summary>
    public const decimal Frontend = 8.88m;

    /// <summary>"2 RCU and 2 WCU ... about $1.17 USD" (provisioned capacity; our table is on demand).</summary>
    public const decimal DynamoDb = 1.17m;

    public const decimal Total = Frontend + DynamoDb;

    /// <summary>The seed's month: 24 hours for 30 days, not AWS's 730 hours.</summary>
    public const decimal Hours = 24m * 30m;

    public const decimal FrontendVcpu = 0.25m;

    public const decimal FrontendMemoryGb = 0.5m;

    /// <summary>
    /// The frontend figure recomputed: 720 h x (0.25 x $0.04048 + 0.5 x $0.004445) = $8.8866, which the seed cut
    /// to the cent ($8.88) rather than rounding it ($8.89). Fargate's x86 prices have not changed since 2019.
    /// </summary>
    public static decimal FrontendAsTheSeedComputedIt(FargatePrices prices) =>
        decimal.Truncate(prices.PerTaskHour(FrontendVcpu, FrontendMemoryGb) * Hours * 100m) / 100m;
}
