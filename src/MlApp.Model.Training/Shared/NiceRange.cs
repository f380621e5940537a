namespace MlApp.Model.Training.Shared;

/// <summary>
/// The allowed range of a number field: the data's range widened by 10% on each side and rounded outwards to a
/// round step (half a power of ten of the span), so the card says 25 to 65 mm rather than 32.1 to 59.6.
/// </summary>
internal static class NiceRange
{
    public static (double Minimum, double Maximum) Around(IReadOnlyCollection<double> values)
    {
        var (min, max) = (values.Min(), values.Max());
        var span = Math.Max(max - min, 1e-9);
        var pad = span * 0.1;
        var step = Math.Pow(10, Math.Floor(Math.Log10(span))) / 2;
        var low = Math.Floor((min - pad) / step) * step;
        var high = Math.Ceiling((max + pad) / step) * step;

        // Measurements that can't be negative keep a floor at zero.
        if (min >= 0)
        {
            low = Math.Max(low, 0);
        }

        return (Math.Round(low, 6), Math.Round(high, 6));
    }
}
