namespace MlApp.Bench;

/// <summary>
/// Starts the batch worker as its image does: its executable (the image's native one, or the apphost next to a JIT
/// build's MlApp.BatchJob.dll), configured by environment variables only, pointed at the stand-ins. It drains the queue
/// and exits 0.
/// </summary>
internal static class BatchWorker
{
    private const string Project = "MlApp.BatchJob";

    /// <summary>The worker as its image ships it (native code), published now by its image's profile: its executable.</summary>
    public static async Task<string> PublishAsync(CancellationToken cancellationToken) =>
        Path.Combine(await ImagePublish.RunAsync(Project, "batch-worker", cancellationToken), Project);

    /// <param name="build">
    /// Another build of the worker: <see cref="PublishAsync"/>'s executable, or a baseline's MlApp.BatchJob.dll with its
    /// apphost beside it; by default the one built next to the bench.
    /// </param>
    /// <param name="onLine">Sees every line the worker prints.</param>
    public static ChildProcess Start(
        LocalStorage storage, string name, IReadOnlyDictionary<string, string?>? settings = null, string? build = null, Action<string>? onLine = null)
    {
        // The executable (a native one, or the apphost beside a dll) is what runs, the image's entry point, so that is
        // what must exist.
        var path = Path.GetFullPath(build ?? Path.Combine(RepositoryPaths.BuildOutput(Project), $"{Project}.dll"));
        var executable = path.EndsWith(".dll", StringComparison.Ordinal) ? path[..^".dll".Length] : path;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"No worker executable at {executable}: build the bench (or the solution) in the same configuration first.");
        }

        var environment = new Dictionary<string, string?>(storage.Environment)
        {
            // One line per event, so the bench can read job ids and times from its output.
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        return ChildProcess.Start(name, executable, [], environment, onLine);
    }
}
