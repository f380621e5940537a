using MlApp.Costs;

using MlApp.Costs.Prices;
namespace MlApp.Tests.Unit.Costs;

[Trait("Category", "Unit")]
public sealed class IdleCostTests
{
    private static readonly PriceTable Prices = PriceTables.UsEast1June2025;

    private static CostBreakdown Idle(CostInputs? settings = null) =>
        IdleCost.For(settings ?? CostInputs.Default, Prices);

    [Fact]
    public void Default_parts_match_the_hand_computed_figures()
    {
        var idle = Idle();

        Assert.Equal(9.010025m, idle["Web tasks (Fargate)"]);           // 730 x (0.25 x 0.04048 + 0.5 x 0.004445)
        Assert.Equal(16.425m, idle["Load balancer hours"]);             // 730 x 0.0225
        Assert.Equal(5.84m, idle["Load balancer LCU (assumed)"]);       // 1 x 730 x 0.008
        Assert.Equal(10.95m, idle["Public IPv4 addresses"]);            // (2 ALB + 1 task) x 730 x 0.005
        Assert.Equal(0m, idle["Lambda provisioned concurrency"]);
        Assert.Equal(0.025m, idle["DynamoDB storage"]);                 // 0.1 GB x 0.25
        Assert.Equal(0.023m, idle["S3 storage"]);                       // 1 GB x 0.023
        Assert.Equal(0.10m, idle["ECR images"]);                        // 1 GB x 0.10
        Assert.Equal(0.25m, idle["CloudWatch log ingestion"]);          // 0.5 GB x 0.50
        Assert.Equal(0.0147945m, idle["CloudWatch log storage"], 7);    // 0.5 x 30 x 24 / 730 = 0.49315 GB x 0.03
    }

    [Fact]
    public void Default_total_is_42_64_a_month_which_is_over_the_30_dollar_target()
    {
        var total = Idle().Total;

        Assert.Equal(42.6378195m, total, 7);
        Assert.True(total > CostEstimate.IdleTarget);
    }

    [Fact]
    public void The_load_balancer_with_its_two_addresses_nearly_fills_the_target_alone()
    {
        var idle = Idle();
        var loadBalancer = idle["Load balancer hours"] + idle["Load balancer LCU (assumed)"] + 2 * 730m * 0.005m;

        Assert.Equal(29.565m, loadBalancer);
    }

    [Fact]
    public void Without_a_load_balancer_only_the_web_tasks_address_is_paid_for()
    {
        var idle = Idle(CostInputs.Default with { LoadBalancer = false });

        Assert.DoesNotContain(idle.Lines, line => line.Item.StartsWith("Load balancer", StringComparison.Ordinal));
        Assert.Equal(3.65m, idle["Public IPv4 addresses"]);
    }

    [Fact]
    public void Even_an_idle_load_balancer_using_no_lcu_leaves_the_total_over_30()
    {
        var total = Idle(CostInputs.Default with { LoadBalancerIdleLcu = 0 }).Total;

        Assert.Equal(36.7978195m, total, 7);
    }

    [Fact]
    public void Each_web_task_adds_its_fargate_hours_and_its_address()
    {
        var one = Idle();
        var three = Idle(CostInputs.Default with { WebTaskCount = 3 });

        Assert.Equal(2 * (9.010025m + 3.65m), three.Total - one.Total);
    }

    [Fact]
    public void One_provisioned_gigabyte_instance_costs_10_95_a_month()
    {
        var idle = Idle(CostInputs.Default with { ProvisionedConcurrency = 1 });

        // 1 x 1 GB x 2,628,000 s x 0.0000041667
        Assert.Equal(10.9500876m, idle["Lambda provisioned concurrency"]);
    }

    [Fact]
    public void Arm_web_tasks_use_the_arm_prices()
    {
        var idle = Idle(CostInputs.Default with { FargateCpu = CpuArchitecture.Arm64 });

        // 730 x (0.25 x 0.03238 + 0.5 x 0.00356) = 730 x 0.009875
        Assert.Equal(7.20875m, idle["Web tasks (Fargate)"]);
    }

    [Fact]
    public void Log_storage_grows_with_retention()
    {
        var week = Idle(CostInputs.Default with { LogRetentionDays = 7 });
        var year = Idle(CostInputs.Default with { LogRetentionDays = 365 });

        // 0.5 GB/month x 365 days x 24 / 730 h = 6 GB kept
        Assert.Equal(0.18m, year["CloudWatch log storage"]);
        Assert.True(week["CloudWatch log storage"] < year["CloudWatch log storage"]);
    }
}
