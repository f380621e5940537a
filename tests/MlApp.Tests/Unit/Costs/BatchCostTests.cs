using MlApp.Costs;

using MlApp.Costs.Prices;
namespace MlApp.Tests.Unit.Costs;

[Trait("Category", "Unit")]
public sealed class BatchCostTests
{
    private static readonly PriceTable Prices = PriceTables.UsEast1June2025;

    // 4 x 0.04048 + 16 x 0.004445 + 0.005 (address) + 360 heartbeats x 3 WRU x 0.625 / 1M
    private const decimal DefaultJobHour = 0.16192m + 0.07112m + 0.005m + 0.000675m;

    // 2 PUT x 0.005 / 1k + 2 GET x 0.0004 / 1k + 7 WRU x 0.625 / 1M + 10 RRU x 0.125 / 1M
    private const decimal DefaultPerJob = 0.00001m + 0.0000008m + 0.000004375m + 0.00000125m;

    private static readonly CostEstimate Default = CostModel.Estimate(CostInputs.Default, Prices);

    [Fact]
    public void A_default_job_hour_is_fargate_vcpu_and_memory_plus_address_and_heartbeats()
    {
        Assert.Equal(0.238715m, DefaultJobHour);
        Assert.Equal(DefaultJobHour, Default.PerBatchJobHour.Total);
        Assert.Equal(0.16192m, Default.PerBatchJobHour["Batch task vCPU (Fargate)"]);
        Assert.Equal(0.07112m, Default.PerBatchJobHour["Batch task memory (Fargate)"]);
    }

    [Fact]
    public void Each_job_adds_a_few_hundredths_of_a_cent_of_requests()
    {
        Assert.Equal(0.000016425m, DefaultPerJob);
        Assert.Equal(DefaultPerJob, Default.PerBatchJob.Total);
    }

    [Fact]
    public void A_ten_minute_job_costs_a_sixth_of_a_job_hour_plus_its_requests()
    {
        Assert.Equal(DefaultJobHour / 6 + DefaultPerJob, Default.JobCost(TimeSpan.FromMinutes(10)), 20);
        Assert.Equal(0.04m, Math.Round(Default.JobCost(TimeSpan.FromMinutes(10)), 2));
    }

    [Fact]
    public void A_job_shorter_than_a_minute_is_billed_a_full_minute()
    {
        var expected = DefaultJobHour / 60 + DefaultPerJob;

        Assert.Equal(expected, Default.JobCost(TimeSpan.FromSeconds(20)), 20);
        Assert.Equal(expected, Default.JobCost(TimeSpan.Zero), 20);
    }

    [Fact]
    public void Partial_seconds_are_billed_as_whole_seconds()
    {
        Assert.Equal(Default.JobCost(TimeSpan.FromSeconds(91)), Default.JobCost(TimeSpan.FromSeconds(90.2)));
    }

    [Fact]
    public void A_negative_duration_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Default.JobCost(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void With_the_gpu_option_a_job_hour_is_the_gpu_instance_hour_instead_of_fargate()
    {
        var gpu = BatchCost.PerJobHour(CostInputs.Default with { BatchGpu = true }, Prices);

        Assert.DoesNotContain(gpu.Lines, line => line.Item.Contains("Fargate", StringComparison.Ordinal));
        Assert.Equal(1.006m, gpu["GPU instance (g5.xlarge)"]);
        Assert.Equal(1.006m + 0.005m + 0.000675m, gpu.Total);
    }

    [Fact]
    public void An_unknown_gpu_instance_type_is_named_in_the_error()
    {
        var settings = CostInputs.Default with { BatchGpu = true, GpuInstanceType = "p9.mega" };

        var error = Assert.Throws<ArgumentException>(() => BatchCost.PerJobHour(settings, Prices));
        Assert.Contains("p9.mega", error.Message, StringComparison.Ordinal);
    }
}
