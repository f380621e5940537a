using MlApp.Costs.Prices;

namespace MlApp.Costs;

/// <summary>The entry point: a deployment's idle, per-use and one-big-VM costs from its settings and a price table.</summary>
public static class CostModel
{
    public static CostEstimate Estimate(CostInputs? settings = null, PriceTable? prices = null)
    {
        settings ??= CostInputs.Default;
        prices ??= PriceTables.Current;
        var idle = IdleCost.For(settings, prices);
        return new(
            settings,
            prices,
            idle,
            RealtimeCost.PerThousandPredictions(settings, prices),
            BatchCost.PerJobHour(settings, prices),
            BatchCost.PerJob(prices),
            VmComparison.For(settings, prices, idle.Total));
    }
}
