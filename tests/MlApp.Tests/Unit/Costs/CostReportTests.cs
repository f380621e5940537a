using MlApp.Costs;

using MlApp.Costs.Prices;
using MlApp.Costs.Report;
namespace MlApp.Tests.Unit.Costs;

[Trait("Category", "Unit")]
public sealed class CostReportTests
{
    private static readonly IReadOnlyList<string> Lines = CostReport.Lines(CostModel.Estimate());

    private static string Line(string start) => Assert.Single(Lines, line => line.TrimStart().StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public void Every_idle_part_is_printed_with_its_amount()
    {
        Assert.EndsWith("$9.01", Line("Web tasks"), StringComparison.Ordinal);
        Assert.EndsWith("$16.43", Line("Load balancer hours"), StringComparison.Ordinal);
        Assert.EndsWith("$5.84", Line("Load balancer LCU"), StringComparison.Ordinal);
        Assert.EndsWith("$10.95", Line("Public IPv4 addresses"), StringComparison.Ordinal);
        Assert.EndsWith("$0.00", Line("Lambda provisioned concurrency"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_idle_total_and_the_miss_of_the_target_are_printed()
    {
        var idleTotal = Lines.First(line => line.TrimStart().StartsWith("Total", StringComparison.Ordinal));

        Assert.EndsWith("$42.64", idleTotal, StringComparison.Ordinal);
        Assert.EndsWith("over by $12.64", Line("Target"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_ratio_to_the_big_vm_and_the_seeds_estimate_are_printed()
    {
        Assert.EndsWith("6.66x", Line("Ratio to idle"), StringComparison.Ordinal);
        Assert.Contains(Lines, line => line.TrimStart().StartsWith("m5.2xlarge", StringComparison.Ordinal) && line.EndsWith("$280.32", StringComparison.Ordinal));
        Assert.EndsWith("$8.88", Line("Fargate frontend"), StringComparison.Ordinal);
        Assert.Contains(Lines, line => line.EndsWith("$10.05", StringComparison.Ordinal));
    }

    [Fact]
    public void Per_use_costs_below_a_cent_keep_three_significant_digits()
    {
        Assert.Contains(Lines, line => line.TrimStart().StartsWith("Total", StringComparison.Ordinal) && line.EndsWith("$0.00122", StringComparison.Ordinal));
        Assert.EndsWith("$0.0398", Line("A 10-minute job"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_price_tables_date_and_source_are_printed()
    {
        var footer = Lines[^1];

        Assert.Contains("2025-06-01", footer, StringComparison.Ordinal);
        Assert.Contains("us-east-1", footer, StringComparison.Ordinal);
        Assert.Contains(PriceTables.Current.Source, footer, StringComparison.Ordinal);
    }

    [Fact]
    public void Amounts_line_up_in_one_right_aligned_column()
    {
        var rows = Lines.Where(line => line.StartsWith("  ", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(rows);
        Assert.Single(rows.Select(row => row.Length).Distinct());
    }

    [Fact]
    public void A_deployment_within_the_target_says_so()
    {
        var settings = CostInputs.Default with { LoadBalancer = false, TasksHavePublicIpv4 = false };

        var lines = CostReport.Lines(CostModel.Estimate(settings));

        Assert.Contains(lines, line => line.TrimStart().StartsWith("Target", StringComparison.Ordinal) && line.EndsWith("met", StringComparison.Ordinal));
    }
}
