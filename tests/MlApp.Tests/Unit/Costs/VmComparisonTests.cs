using MlApp.Costs;

using MlApp.Costs.Prices;
namespace MlApp.Tests.Unit.Costs;

[Trait("Category", "Unit")]
public sealed class VmComparisonTests
{
    private static readonly PriceTable Prices = PriceTables.UsEast1June2025;

    [Fact]
    public void The_default_peak_needs_an_m5_2xlarge_around_the_clock()
    {
        var vm = CostModel.Estimate(CostInputs.Default, Prices).Vm;

        // web 0.25 vCPU / 0.5 GB + batch 4 vCPU / 16 GB: more than an m5.xlarge's 4 vCPU / 16 GB
        Assert.Equal((4.25m, 16.5m), (vm.PeakVcpu, vm.PeakMemoryGb));
        Assert.Equal("m5.2xlarge", vm.Instance.Type);
        Assert.True(vm.FitsPeak);
        Assert.Equal(283.97m, vm.Monthly.Total);                         // 730 x 0.384 + 730 x 0.005
    }

    [Fact]
    public void The_vm_costs_about_six_and_two_thirds_times_the_idle_deployment()
    {
        var estimate = CostModel.Estimate(CostInputs.Default, Prices);

        Assert.Equal(283.97m / estimate.IdleMonthly, estimate.Vm.Ratio);
        Assert.Equal(6.66m, Math.Round(estimate.Vm.Ratio, 2));           // 283.97 / 42.6378195
    }

    [Fact]
    public void With_the_gpu_option_the_vm_comes_from_the_gpu_family()
    {
        var settings = CostInputs.Default with { BatchGpu = true, BatchVcpu = 3.75m, BatchMemoryGb = 15m };

        var vm = VmComparison.For(settings, Prices, idleMonthly: 42m);

        Assert.Equal("g5.xlarge", vm.Instance.Type);
        Assert.Equal(738.03m, vm.Monthly.Total);                         // 730 x 1.006 + 730 x 0.005
    }

    [Fact]
    public void A_peak_beyond_the_largest_listed_size_says_it_does_not_fit()
    {
        var settings = CostInputs.Default with { BatchVcpu = 64m, BatchMemoryGb = 256m };

        var vm = VmComparison.For(settings, Prices, idleMonthly: 42m);

        Assert.Equal("m5.8xlarge", vm.Instance.Type);
        Assert.False(vm.FitsPeak);
    }

    [Fact]
    public void The_ratio_is_zero_rather_than_a_division_error_when_nothing_idles()
    {
        Assert.Equal(0m, VmComparison.For(CostInputs.Default, Prices, idleMonthly: 0m).Ratio);
    }
}
