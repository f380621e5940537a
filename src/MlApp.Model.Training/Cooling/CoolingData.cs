namespace MlApp.Model.Training.Cooling;

/// <summary>
/// A made-up but plausible data set: the cooling load of a building from the outdoor temperature, its floor area and
/// its occupants, plus noise. Seeded, so every run produces the same rows.
/// </summary>
internal static class CoolingData
{
    public const int Rows = 400;

    public static readonly string[] FieldNames = ["outdoor_temp_c", "floor_area_m2", "occupants"];

    public static List<CoolingRecord> Generate()
    {
        var random = new Random(TrainingArguments.Seed);
        var rows = new List<CoolingRecord>(Rows);
        for (var index = 0; index < Rows; index++)
        {
            var temperature = Math.Round(20 + 20 * random.NextDouble(), 1);
            var area = Math.Round(40 + 360 * random.NextDouble());
            var occupants = random.Next(1, 41);
            var load = 0.35 * (temperature - 18) + 0.045 * area + 0.1 * occupants + 0.4 * Gaussian(random);
            rows.Add(new CoolingRecord { Features = [(float)temperature, (float)area, occupants], Label = (float)Math.Round(load, 2) });
        }

        return rows;
    }

    // Box-Muller: Random has no normal distribution of its own.
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
