namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>
/// Runs task families as Aspire resources: the dashboard's own Start and Stop commands, and the resource states Aspire
/// publishes (with the process's exit code) reported back to the emulator.
/// </summary>
internal sealed class AspireTaskLauncher(
    IReadOnlyDictionary<string, IResource> resources, ResourceCommandService commands, ResourceNotificationService notifications) : ITaskLauncher
{
    public Task StartAsync(string family, CancellationToken cancellationToken) =>
        ExecuteAsync(family, KnownResourceCommands.StartCommand, cancellationToken);

    public Task StopAsync(string family, CancellationToken cancellationToken) =>
        ExecuteAsync(family, KnownResourceCommands.StopCommand, cancellationToken);

    public async Task WatchAsync(IResourceStateSink sink, CancellationToken cancellationToken)
    {
        var families = resources.ToDictionary(pair => pair.Value, pair => pair.Key);
        var lastSeen = new Dictionary<string, (string? State, int? ExitCode)>(StringComparer.Ordinal);
        var histories = new Dictionary<string, ExecutionHistory>(StringComparer.Ordinal);
        await foreach (var update in notifications.WatchAsync(cancellationToken))
        {
            if (!families.TryGetValue(update.Resource, out var family))
            {
                continue;
            }

            // Aspire republishes a snapshot for every property change; only a new state (or a late exit code) is news.
            var seen = (update.Snapshot.State?.Text, update.Snapshot.ExitCode);
            if (lastSeen.TryGetValue(update.ResourceId, out var previous) && previous == seen)
            {
                continue;
            }

            lastSeen[update.ResourceId] = seen;
            if (AspireResourcePhases.From(seen.Text) is not { } phase)
            {
                continue;
            }

            var history = histories.TryGetValue(update.ResourceId, out var known) ? known : histories[update.ResourceId] = new ExecutionHistory();
            if (!history.IsLate(phase, ProcessId(update.Snapshot), update.Snapshot.StartTimeStamp))
            {
                sink.Report(family, phase, seen.ExitCode);
            }
            else if (phase is ResourcePhase.Exited && seen.ExitCode is { } exitCode)
            {
                sink.ReportLateExitCode(family, exitCode);
            }
        }
    }

    /// <summary>The process behind the snapshot, as the dashboard shows it (<c>executable.pid</c>); absent before it starts.</summary>
    private static int? ProcessId(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(property => property.Name == "executable.pid")?.Value is { } value
        && int.TryParse(value.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    private async Task ExecuteAsync(string family, string command, CancellationToken cancellationToken)
    {
        var result = await commands.ExecuteCommandAsync(resources[family], command, cancellationToken);
        if (!result.Success)
        {
            throw new InvalidOperationException($"The {command} command on '{resources[family].Name}' failed: {result.Message ?? "no reason given"}");
        }
    }
}
