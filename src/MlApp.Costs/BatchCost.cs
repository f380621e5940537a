using static MlApp.Costs.CostText;

using MlApp.Costs.Prices;
namespace MlApp.Costs;

/// <summary>What batch jobs cost: the task for as long as it runs, and the few requests each job makes.</summary>
public static class BatchCost
{
    /// <summary>The job item and its queue-index entry, whose sort key (the lease end) moves on every heartbeat.</summary>
    public const int WriteUnitsPerHeartbeat = 3;

    /// <summary>Submit, claim and finish: each writes the item and its queue-index entry.</summary>
    public const int WriteUnitsPerJob = 7;

    /// <summary>The claim's queries over the queue shards and the browser's status polls, roughly.</summary>
    public const int ReadUnitsPerJob = 10;

    /// <summary>The input upload and the result; the worker's read and the owner's download.</summary>
    public const int S3PutsPerJob = 2;

    public const int S3GetsPerJob = 2;

    /// <summary>One batch task for an hour: Fargate vCPU and memory (or the GPU instance), its address, its heartbeats.</summary>
    public static CostBreakdown PerJobHour(CostInputs settings, PriceTable prices)
    {
        var lines = settings.BatchGpu ? GpuInstance(settings, prices) : FargateTask(settings, prices);
        if (settings.TasksHavePublicIpv4)
        {
            lines.Add(new("Public IPv4 address", $"1 h x {Price(prices.PublicIpv4PerHour)}", prices.PublicIpv4PerHour));
        }

        var heartbeats = BillingUnits.SecondsPerHour / (decimal)settings.BatchHeartbeatInterval.TotalSeconds;
        lines.Add(new("DynamoDB heartbeats",
            $"{Number(heartbeats)} beats x {WriteUnitsPerHeartbeat} WRU x {Price(prices.DynamoDb.PerMillionWriteUnits)} / 1M",
            heartbeats * WriteUnitsPerHeartbeat * prices.DynamoDb.PerMillionWriteUnits / 1_000_000m));
        return new("Per batch job-hour", lines);
    }

    /// <summary>What one job costs besides its hours: its S3 objects and DynamoDB bookkeeping.</summary>
    public static CostBreakdown PerJob(PriceTable prices) => new("Per batch job, besides its hours", [
        new("S3 requests",
            $"{S3PutsPerJob} PUT x {Price(prices.S3.PerThousandPuts)} / 1k + {S3GetsPerJob} GET x {Price(prices.S3.PerThousandGets)} / 1k",
            (S3PutsPerJob * prices.S3.PerThousandPuts + S3GetsPerJob * prices.S3.PerThousandGets) / 1000m),
        new("DynamoDB requests",
            $"{WriteUnitsPerJob} WRU x {Price(prices.DynamoDb.PerMillionWriteUnits)} / 1M + "
            + $"{ReadUnitsPerJob} RRU x {Price(prices.DynamoDb.PerMillionReadUnits)} / 1M",
            (WriteUnitsPerJob * prices.DynamoDb.PerMillionWriteUnits + ReadUnitsPerJob * prices.DynamoDb.PerMillionReadUnits) / 1_000_000m),
    ]);

    /// <summary>
    /// One finished job from its task's size and how long it ran: billed per second with a one-minute minimum. The
    /// job record's times leave out the image pull before the worker starts, so this is a little low.
    /// </summary>
    public static decimal ForJob(CostBreakdown perJobHour, CostBreakdown perJob, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var billed = duration < BillingUnits.MinimumBilledRun ? BillingUnits.MinimumBilledRun : duration;
        var billedSeconds = Math.Ceiling((decimal)billed.TotalSeconds);
        return perJobHour.Total * billedSeconds / BillingUnits.SecondsPerHour + perJob.Total;
    }

    private static List<CostLine> FargateTask(CostInputs settings, PriceTable prices)
    {
        var fargate = prices.Fargate(settings.FargateCpu);
        return
        [
            new("Batch task vCPU (Fargate)", $"{Number(settings.BatchVcpu)} vCPU x {Price(fargate.PerVcpuHour)}",
                settings.BatchVcpu * fargate.PerVcpuHour),
            new("Batch task memory (Fargate)", $"{Number(settings.BatchMemoryGb)} GB x {Price(fargate.PerGbHour)}",
                settings.BatchMemoryGb * fargate.PerGbHour),
        ];
    }

    // ECS on EC2 adds no charge of its own: the instance hour is the whole compute price.
    private static List<CostLine> GpuInstance(CostInputs settings, PriceTable prices)
    {
        var instance = prices.Instance(settings.GpuInstanceType);
        return [new($"GPU instance ({instance.Type})", $"1 h x {Price(instance.PerHour)}", instance.PerHour)];
    }
}
