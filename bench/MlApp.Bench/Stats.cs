namespace MlApp.Bench;

/// <summary>Percentiles by the nearest-rank method: simple, and exact for the sample sizes used here.</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> samples, double percent)
    {
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyList<double> samples) => Percentile(samples, 50);
}
