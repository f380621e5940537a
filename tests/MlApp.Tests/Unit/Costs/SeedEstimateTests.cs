using MlApp.Costs;

using MlApp.Costs.Prices;
namespace MlApp.Tests.Unit.Costs;

[Trait("Category", "Unit")]
public sealed class SeedEstimateTests
{
    private static readonly FargatePrices Fargate = PriceTables.Current.FargateX86;

    [Fact]
    public void The_seeds_frontend_figure_is_720_hours_at_todays_fargate_prices_cut_to_the_cent()
    {
        Assert.Equal(8.88m, SeedEstimate.FrontendAsTheSeedComputedIt(Fargate));
        Assert.Equal(SeedEstimate.Frontend, SeedEstimate.FrontendAsTheSeedComputedIt(Fargate));
    }

    [Fact]
    public void The_seeds_frontend_before_cutting_is_8_8866_so_rounding_would_have_given_8_89()
    {
        // 0.25 x 0.04048 + 0.5 x 0.004445 = 0.01012 + 0.0022225 = 0.0123425 per hour; x 24 h x 30 days.
        var exact = Fargate.PerTaskHour(0.25m, 0.5m) * 720m;

        Assert.Equal(0.0123425m, Fargate.PerTaskHour(0.25m, 0.5m));
        Assert.Equal(8.8866m, exact);
        Assert.Equal(8.89m, Math.Round(exact, 2));
    }

    [Fact]
    public void The_same_task_over_awss_730_hour_month_is_9_01()
    {
        // 730 x 0.0123425 = 9.010025, not the 8.99 a quick estimate might expect.
        Assert.Equal(9.010025m, Fargate.PerTaskHour(0.25m, 0.5m) * BillingUnits.HoursPerMonth);
    }

    [Fact]
    public void The_seeds_total_is_its_frontend_plus_its_dynamodb()
    {
        Assert.Equal(10.05m, SeedEstimate.Total);
    }
}
