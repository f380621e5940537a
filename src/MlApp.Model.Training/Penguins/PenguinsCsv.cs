using System.Globalization;

namespace MlApp.Model.Training.Penguins;

/// <summary>Reads data/penguins.csv (a plain CSV without quoted cells) and keeps the complete rows.</summary>
internal static class PenguinsCsv
{
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "data", "penguins.csv");

    public static (List<PenguinRecord> Complete, int Dropped) Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        string[] expected = ["species", "island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex"];
        if (!header.SequenceEqual(expected))
        {
            throw new IOException($"{path} has the header '{lines[0]}', expected '{string.Join(",", expected)}'.");
        }

        var complete = new List<PenguinRecord>();
        var dropped = 0;
        foreach (var cells in lines.Skip(1).Where(line => line.Length > 0).Select(line => line.Split(',')))
        {
            // Rows without measurements or sex can't be learned from (and the card makes every field required).
            if (cells.Any(cell => cell.Length == 0))
            {
                dropped++;
                continue;
            }

            complete.Add(new PenguinRecord
            {
                Species = cells[0],
                Island = cells[1],
                BillLengthMm = Number(cells[2]),
                BillDepthMm = Number(cells[3]),
                FlipperLengthMm = Number(cells[4]),
                BodyMassG = Number(cells[5]),
                Sex = cells[6],
            });
        }

        return (complete, dropped);
    }

    private static float Number(string cell) => float.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
}
