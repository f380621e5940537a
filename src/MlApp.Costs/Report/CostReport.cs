using static MlApp.Costs.CostText;

namespace MlApp.Costs.Report;

/// <summary>An estimate as aligned plain-text lines: idle parts and total, per-use costs, the big VM and its ratio, the seed's figure, the prices' date and source.</summary>
public static class CostReport
{
    /// <summary>The job lengths the report prices as examples.</summary>
    public static readonly IReadOnlyList<TimeSpan> ExampleJobs = [TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)];

    public static string Render(CostEstimate estimate) => string.Join(Environment.NewLine, Lines(estimate));

    public static IReadOnlyList<string> Lines(CostEstimate estimate)
    {
        var table = new TextTable();
        Add(table, estimate.Idle);
        table.Row("Target", $"at most {Usd(CostEstimate.IdleTarget)} a month", Verdict(estimate));
        Add(table, estimate.PerThousandPredictions);
        Add(table, estimate.PerBatchJobHour);
        Add(table, estimate.PerBatchJob);
        foreach (var job in ExampleJobs)
        {
            table.Row($"A {Length(job)} job", "its hours + the requests above", Usd(estimate.JobCost(job)));
        }

        var vm = estimate.Vm;
        Add(table, vm.Monthly);
        table.Row("Sized for the peak", $"web + one batch task = {Number(vm.PeakVcpu)} vCPU / {Number(vm.PeakMemoryGb)} GB",
            vm.FitsPeak ? "fits" : "too small");
        table.Row("Ratio to idle", $"{Usd(vm.Monthly.Total)} / {Usd(estimate.IdleMonthly)}", Ratio(vm.Ratio));

        table.Heading("The seed's own estimate, per month");
        table.Row("Fargate frontend", $"{Number(SeedEstimate.FrontendVcpu)} vCPU / {Number(SeedEstimate.FrontendMemoryGb)} GB x {Number(SeedEstimate.Hours)} h",
            Usd(SeedEstimate.Frontend));
        table.Row("DynamoDB", "2 RCU / 2 WCU provisioned", Usd(SeedEstimate.DynamoDb));
        table.Row("Total", "no load balancer, no public IPv4", Usd(SeedEstimate.Total));

        var prices = estimate.Prices;
        return
        [
            $"MlApp cost estimate: {Describe(estimate.Settings)}",
            "",
            .. table.Lines(),
            "",
            $"Prices: {prices.Region} on-demand list prices taken {prices.TakenOn:yyyy-MM-dd}; source: {prices.Source}.",
        ];
    }

    private static void Add(TextTable table, CostBreakdown breakdown)
    {
        table.Heading(breakdown.Title);
        foreach (var line in breakdown.Lines)
        {
            table.Row(line.Item, line.Basis, Usd(line.Amount));
        }

        table.Row("Total", string.Empty, Usd(breakdown.Total));
    }

    private static string Verdict(CostEstimate estimate) =>
        estimate.IdleWithinTarget
            ? "met"
            : $"over by {Usd(estimate.IdleMonthly - CostEstimate.IdleTarget)}";

    private static string Length(TimeSpan job) =>
        job.TotalHours >= 1 ? $"{Number((decimal)job.TotalHours)}-hour" : $"{Number((decimal)job.TotalMinutes)}-minute";

    private static string Describe(CostInputs s)
    {
        var web = $"web {s.WebTaskCount} x {Number(s.WebVcpu)} vCPU / {Number(s.WebMemoryGb)} GB ({s.FargateCpu.ToString().ToLowerInvariant()})"
            + (s.LoadBalancer ? $" behind an ALB in {s.LoadBalancerZones} zones" : " without a load balancer");
        var function = $"function {s.FunctionMemoryMb} MB at {Number(s.FunctionDurationMs)} ms, provisioned concurrency {s.ProvisionedConcurrency}";
        var batch = s.BatchGpu
            ? $"batch on {s.GpuInstanceType}"
            : $"batch {Number(s.BatchVcpu)} vCPU / {Number(s.BatchMemoryGb)} GB";
        return $"{web}; {function}; {batch}; logs kept {s.LogRetentionDays} days";
    }
}
