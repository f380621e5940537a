using MlApp.Costs;

using MlApp.Costs.Prices;
namespace MlApp.Tests.Unit.Costs;

[Trait("Category", "Unit")]
public sealed class RealtimeCostTests
{
    private static readonly PriceTable Prices = PriceTables.UsEast1June2025;

    private static CostBreakdown PerThousand(CostInputs? settings = null) =>
        RealtimeCost.PerThousandPredictions(settings ?? CostInputs.Default, Prices);

    [Fact]
    public void Default_thousand_predictions_cost_requests_duration_and_log_lines()
    {
        var cost = PerThousand();

        Assert.Equal(0.0002m, cost["Lambda requests"]);                  // 1,000 x 0.20 / 1M
        Assert.Equal(0.000833335m, cost["Lambda duration"]);             // 1,000 x 0.05 s x 1 GB x 0.0000166667
        Assert.Equal(0.000186264514923m, cost["Lambda log lines"], 15);  // 400,000 B / 2^30 x 0.50
        Assert.Equal(0.001219599514923m, cost.Total, 15);
    }

    [Fact]
    public void Duration_is_billed_in_whole_milliseconds()
    {
        var cost = PerThousand(CostInputs.Default with { FunctionDurationMs = 3.2m });

        // 3.2 ms bills as 4 ms: 1,000 x 0.004 s x 1 GB x 0.0000166667
        Assert.Equal(0.0000666668m, cost["Lambda duration"]);
    }

    [Fact]
    public void Duration_scales_with_memory()
    {
        var cost = PerThousand(CostInputs.Default with { FunctionMemoryMb = 2048 });

        Assert.Equal(2 * 0.000833335m, cost["Lambda duration"]);
    }

    [Fact]
    public void Provisioned_instances_serve_at_the_cheaper_duration_rate()
    {
        var cost = PerThousand(CostInputs.Default with { ProvisionedConcurrency = 2 });

        // 1,000 x 0.05 s x 1 GB x 0.0000097222
        Assert.Equal(0.00048611m, cost["Lambda duration"]);
    }
}
