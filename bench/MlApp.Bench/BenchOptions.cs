namespace MlApp.Bench;

/// <summary>Command-line settings shared by every scenario. <see cref="Quick"/> keeps a run well under two minutes.</summary>
internal sealed record BenchOptions(bool Quick, string? ModelPath, int IntraOpThreads)
{
    public static BenchOptions Parse(IEnumerable<string> args)
    {
        var list = args.ToList();
        return new BenchOptions(
            list.Contains("--quick"),
            Value(list, "--model-path"),
            int.TryParse(Value(list, "--intra-op-threads"), out var threads) ? threads : 1);
    }

    private static string? Value(List<string> args, string name)
    {
        var index = args.IndexOf(name);
        return index >= 0 && index + 1 < args.Count ? args[index + 1] : null;
    }

    /// <summary>Scales an iteration count or time budget down for --quick.</summary>
    public int Scaled(int full, int quick) => Quick ? quick : full;
}
