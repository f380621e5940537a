using static MlApp.Costs.CostText;

using MlApp.Costs.Prices;
namespace MlApp.Costs;

/// <summary>What the deployment costs in a month in which nobody uses it: what runs around the clock, and what is kept.</summary>
public static class IdleCost
{
    public static CostBreakdown For(CostInputs settings, PriceTable prices)
    {
        const decimal hours = BillingUnits.HoursPerMonth;
        var fargate = prices.Fargate(settings.FargateCpu);
        var lines = new List<CostLine>
        {
            new("Web tasks (Fargate)",
                $"{settings.WebTaskCount} x ({Number(settings.WebVcpu)} vCPU x {Price(fargate.PerVcpuHour)} + "
                + $"{Number(settings.WebMemoryGb)} GB x {Price(fargate.PerGbHour)}) x {Number(hours)} h",
                settings.WebTaskCount * fargate.PerTaskHour(settings.WebVcpu, settings.WebMemoryGb) * hours),
        };

        if (settings.LoadBalancer)
        {
            lines.Add(new("Load balancer hours", $"{Number(hours)} h x {Price(prices.LoadBalancer.PerHour)}",
                hours * prices.LoadBalancer.PerHour));
            lines.Add(new("Load balancer LCU (assumed)",
                $"{Number(settings.LoadBalancerIdleLcu)} LCU x {Number(hours)} h x {Price(prices.LoadBalancer.PerLcuHour)}",
                settings.LoadBalancerIdleLcu * hours * prices.LoadBalancer.PerLcuHour));
        }

        lines.Add(PublicIpv4(settings, prices, hours));
        lines.Add(ProvisionedConcurrency(settings, prices, hours));
        lines.Add(PerGb("DynamoDB storage", settings.DynamoDbStoredGb, prices.DynamoDb.PerGbMonth));
        lines.Add(PerGb("S3 storage", settings.S3StoredGb, prices.S3.PerGbMonth));
        lines.Add(PerGb("ECR images", settings.EcrStoredGb, prices.EcrPerGbMonth));
        lines.Add(PerGb("CloudWatch log ingestion", settings.IdleLogGbPerMonth, prices.Logs.PerGbIngested));
        lines.Add(LogStorage(settings, prices));
        return new($"Idle, per month ({Number(hours)} h)", lines);
    }

    private static CostLine PerGb(string item, decimal gb, decimal price) => new(item, $"{Number(gb)} GB x {Price(price)}", gb * price);

    private static CostLine PublicIpv4(CostInputs settings, PriceTable prices, decimal hours)
    {
        var loadBalancer = settings.LoadBalancer ? settings.LoadBalancerZones : 0;
        var tasks = settings.TasksHavePublicIpv4 ? settings.WebTaskCount : 0;
        var addresses = loadBalancer + tasks;
        return new("Public IPv4 addresses",
            $"{addresses} ({loadBalancer} ALB, {tasks} web) x {Number(hours)} h x {Price(prices.PublicIpv4PerHour)}",
            addresses * hours * prices.PublicIpv4PerHour);
    }

    // Provisioned instances are billed whether or not they serve anything, so they are idle cost.
    private static CostLine ProvisionedConcurrency(CostInputs settings, PriceTable prices, decimal hours)
    {
        var memoryGb = settings.FunctionMemoryMb / BillingUnits.MbPerGb;
        var seconds = hours * BillingUnits.SecondsPerHour;
        return new("Lambda provisioned concurrency",
            $"{settings.ProvisionedConcurrency} x {Number(memoryGb)} GB x {Number(seconds)} s x {Price(prices.Lambda.ProvisionedPerGbSecond)}",
            settings.ProvisionedConcurrency * memoryGb * seconds * prices.Lambda.ProvisionedPerGbSecond);
    }

    // With a retention of R days, a steady flow of V GB a month keeps V x R / (days in a month) GB stored.
    private static CostLine LogStorage(CostInputs settings, PriceTable prices)
    {
        var storedGb = settings.IdleLogGbPerMonth * settings.LogRetentionDays * 24m / BillingUnits.HoursPerMonth;
        return new("CloudWatch log storage",
            $"{Number(settings.IdleLogGbPerMonth)} GB/month kept {settings.LogRetentionDays} days = "
            + $"{Number(Math.Round(storedGb, 3))} GB x {Price(prices.Logs.PerGbMonth)}",
            storedGb * prices.Logs.PerGbMonth);
    }
}
