namespace MlApp.Model.Training.Shared;

/// <summary>
/// A fixed split: a seeded shuffle puts exactly 20% of the rows aside for measuring. Done by hand rather than with
/// ML.NET's TrainTestSplit, which samples about 20%, so the card can say exactly which share was held out.
/// </summary>
internal static class HeldOutSplit
{
    public static (List<T> Train, List<T> HeldOut) Split<T>(IReadOnlyList<T> rows)
    {
        var order = Enumerable.Range(0, rows.Count).ToArray();
        new Random(TrainingArguments.Seed).Shuffle(order);
        var heldOutCount = (int)Math.Round(rows.Count * TrainingArguments.TestFraction);

        // Both parts keep the data's own order, so the held-out file reads like the data set.
        var heldOut = order.Take(heldOutCount).Order().Select(index => rows[index]).ToList();
        var train = order.Skip(heldOutCount).Order().Select(index => rows[index]).ToList();
        return (train, heldOut);
    }

    public static string Describe(int heldOut, int total) =>
        $"held-out {TrainingArguments.TestFraction * 100:0}% ({heldOut} of {total} rows, shuffled with seed {TrainingArguments.Seed})";
}
