namespace MlApp.Bench;

/// <summary>Command-line settings shared by every scenario. <see cref="Quick"/> keeps a run well under two minutes.</summary>
/// <param name="AotPath">The published native function (<c>--aot-path</c>); unset: the default publish folder of the function project.</param>
/// <param name="Aot">Run the realtime scenario's function instances from the native executable instead of the JIT build (<c>--aot</c>).</param>
/// <param name="Direct">Send the realtime scenario's requests to the emulator's Invoke API instead of the web's /api/predict (<c>--direct</c>).</param>
/// <param name="BaselineWorker">Another build of MlApp.BatchJob.dll that the batch scenario runs in every round next to this one's, and the drain scenario before this one's (<c>--baseline-worker</c>), for before/after figures from one run.</param>
internal sealed record BenchOptions(
    bool Quick, string? ModelPath, int IntraOpThreads, string? AotPath = null, bool Aot = false, bool Direct = false, string? BaselineWorker = null)
{
    public static BenchOptions Parse(IEnumerable<string> args)
    {
        var list = args.ToList();
        return new BenchOptions(
            list.Contains("--quick"),
            Value(list, "--model-path"),
            int.TryParse(Value(list, "--intra-op-threads"), out var threads) ? threads : 1,
            Value(list, "--aot-path"),
            list.Contains("--aot"),
            list.Contains("--direct"),
            Value(list, "--baseline-worker"));
    }

    private static string? Value(List<string> args, string name)
    {
        var index = args.IndexOf(name);
        return index >= 0 && index + 1 < args.Count ? args[index + 1] : null;
    }

    /// <summary>Scales an iteration count or time budget down for --quick.</summary>
    public int Scaled(int full, int quick) => Quick ? quick : full;
}
