using static MlApp.Costs.CostText;

using MlApp.Costs.Prices;
namespace MlApp.Costs;

/// <summary>What realtime predictions cost on top of the idle deployment: Lambda requests, duration and its log lines.</summary>
public static class RealtimeCost
{
    public const int Predictions = 1000;

    /// <summary>
    /// The cost of 1,000 warm predictions at the measured duration. Cold starts (billed for container images) and
    /// the web's share are not in it: the web task and the ALB's LCU are already in the idle cost.
    /// </summary>
    public static CostBreakdown PerThousandPredictions(CostInputs settings, PriceTable prices)
    {
        var memoryGb = settings.FunctionMemoryMb / BillingUnits.MbPerGb;
        // Lambda rounds each invocation's duration up to the millisecond.
        var billedSeconds = Math.Ceiling(settings.FunctionDurationMs) / 1000m;
        // Traffic within the provisioned instances is billed at their (lower) duration rate.
        var durationPrice = settings.ProvisionedConcurrency > 0
            ? prices.Lambda.ProvisionedDurationPerGbSecond
            : prices.Lambda.PerGbSecond;
        var logGb = Predictions * settings.FunctionLogBytesPerInvocation / BillingUnits.BytesPerGb;

        return new($"Per {Number(Predictions)} realtime predictions", [
            new("Lambda requests", $"{Number(Predictions)} x {Price(prices.Lambda.PerMillionRequests)} / 1M",
                Predictions * prices.Lambda.PerMillionRequests / 1_000_000m),
            new("Lambda duration",
                $"{Number(Predictions)} x {Number(billedSeconds)} s x {Number(memoryGb)} GB x {Price(durationPrice)}",
                Predictions * billedSeconds * memoryGb * durationPrice),
            new("Lambda log lines",
                $"{Number(Predictions)} x {settings.FunctionLogBytesPerInvocation} B x {Price(prices.Logs.PerGbIngested)}/GB",
                logGb * prices.Logs.PerGbIngested),
        ]);
    }
}
