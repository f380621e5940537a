using static MlApp.Costs.CostText;

using MlApp.Costs.Prices;
namespace MlApp.Costs;

/// <summary>The seed's rejected alternative: one VM big enough for the web and a batch task at once, on around the clock.</summary>
public sealed record VmComparison(InstancePrice Instance, decimal PeakVcpu, decimal PeakMemoryGb, CostBreakdown Monthly, decimal IdleMonthly)
{
    /// <summary>False when even the family's largest listed size is smaller than the peak.</summary>
    public bool FitsPeak => Instance.Fits(PeakVcpu, PeakMemoryGb);

    /// <summary>How many times the idle deployment the VM costs.</summary>
    public decimal Ratio => IdleMonthly == 0 ? 0 : Monthly.Total / IdleMonthly;

    public static VmComparison For(CostInputs settings, PriceTable prices, decimal idleMonthly)
    {
        var peakVcpu = settings.WebTaskCount * settings.WebVcpu + settings.BatchVcpu;
        var peakMemoryGb = settings.WebTaskCount * settings.WebMemoryGb + settings.BatchMemoryGb;
        var family = settings.BatchGpu ? prices.Instance(settings.GpuInstanceType).Family : settings.VmFamily;
        var instance = Smallest(prices, family, peakVcpu, peakMemoryGb);

        const decimal hours = BillingUnits.HoursPerMonth;
        var monthly = new CostBreakdown($"One VM around the clock, per month ({Number(hours)} h)", [
            new($"{instance.Type} ({Number(instance.Vcpus)} vCPU / {Number(instance.MemoryGb)} GB)",
                $"{Number(hours)} h x {Price(instance.PerHour)}", hours * instance.PerHour),
            // The VM needs an address too; its disk (gp3, ~$0.08/GB-month) is left out, like our S3 requests.
            new("Public IPv4 address", $"{Number(hours)} h x {Price(prices.PublicIpv4PerHour)}", hours * prices.PublicIpv4PerHour),
        ]);
        return new(instance, peakVcpu, peakMemoryGb, monthly, idleMonthly);
    }

    // The smallest listed size of the family that holds the peak, else its largest (and FitsPeak says so).
    private static InstancePrice Smallest(PriceTable prices, string family, decimal vcpu, decimal memoryGb)
    {
        var sizes = prices.Instances.Where(i => i.Family == family).OrderBy(i => i.PerHour).ToList();
        if (sizes.Count == 0)
        {
            throw new ArgumentException($"The {prices.TakenOn:yyyy-MM-dd} price table lists no '{family}' instances.", nameof(family));
        }

        return sizes.FirstOrDefault(i => i.Fits(vcpu, memoryGb)) ?? sizes[^1];
    }
}
