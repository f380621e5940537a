namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>
/// Runs the local stand-in of a task family. The emulator's only dependency on Aspire sits behind this, so tests can
/// drive task states by hand.
/// </summary>
public interface ITaskLauncher
{
    /// <summary>Starts the family's resource; may return before it runs. A throw fails the task with TaskFailedToStart.</summary>
    Task StartAsync(string family, CancellationToken cancellationToken);

    /// <summary>Stops the family's resource; its exit is reported through the sink like any other.</summary>
    Task StopAsync(string family, CancellationToken cancellationToken);

    /// <summary>Reports every state change of the families' resources to <paramref name="sink"/> until cancelled.</summary>
    Task WatchAsync(IResourceStateSink sink, CancellationToken cancellationToken);
}
