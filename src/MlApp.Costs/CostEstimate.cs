using MlApp.Costs.Prices;

namespace MlApp.Costs;

/// <summary>Everything the model worked out for one deployment at one price table.</summary>
public sealed record CostEstimate(
    CostInputs Settings,
    PriceTable Prices,
    CostBreakdown Idle,
    CostBreakdown PerThousandPredictions,
    CostBreakdown PerBatchJobHour,
    CostBreakdown PerBatchJob,
    VmComparison Vm)
{
    /// <summary>The bar for the idle deployment, in dollars a month.</summary>
    public const decimal IdleTarget = 30m;

    public decimal IdleMonthly => Idle.Total;

    public bool IdleWithinTarget => IdleMonthly <= IdleTarget;

    /// <summary>The approximate cost of one finished batch job that ran for <paramref name="duration"/>.</summary>
    public decimal JobCost(TimeSpan duration) => BatchCost.ForJob(PerBatchJobHour, PerBatchJob, duration);
}
