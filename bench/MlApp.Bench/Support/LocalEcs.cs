using Microsoft.Extensions.Logging.Abstractions;
using MlApp.Hosting.LocalAws.Ecs;

namespace MlApp.Bench;

/// <summary>
/// The AppHost's ECS emulator on loopback with the batch task family, whose task runs as a real worker process against
/// the stand-ins: the local shape of RunTask, where the family is one resource that a RunTask starts if it isn't running.
/// </summary>
internal sealed class LocalEcs : IAsyncDisposable, ITaskLauncher
{
    public const string Cluster = EcsLocalNames.Cluster;
    public const string Family = "batch-job";

    private readonly EcsEmulator emulator = new(Cluster);
    private readonly LocalStorage storage;
    private readonly TaskCompletionSource<IResourceStateSink> sink = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<ChildProcess> workers = [];
    private ChildProcess? running;

    private LocalEcs(LocalStorage storage) => this.storage = storage;

    public Uri Url => emulator.Url;

    /// <summary>How many worker processes RunTask has started.</summary>
    public int Starts { get; private set; }

    public static async Task<LocalEcs> StartAsync(LocalStorage storage, CancellationToken cancellationToken)
    {
        var ecs = new LocalEcs(storage);
        ecs.emulator.AddTaskDefinition(Family);
        await ecs.emulator.StartAsync(ecs, NullLogger.Instance, TimeProvider.System, cancellationToken);
        return ecs;
    }

    async Task ITaskLauncher.StartAsync(string family, CancellationToken cancellationToken)
    {
        var states = await sink.Task.WaitAsync(cancellationToken);
        states.Report(family, ResourcePhase.Starting, null);
        var worker = BatchWorker.Start(storage, $"{family} {++Starts}");
        lock (workers)
        {
            workers.Add(worker);
            running = worker;
        }

        states.Report(family, ResourcePhase.Running, null);
        _ = worker.Exited.ContinueWith(_ => states.Report(family, ResourcePhase.Exited, worker.ExitCode), TaskScheduler.Default);
    }

    async Task ITaskLauncher.StopAsync(string family, CancellationToken cancellationToken)
    {
        ChildProcess? worker;
        lock (workers)
        {
            worker = running;
        }

        if (worker is not null)
        {
            await worker.DisposeAsync();
        }
    }

    async Task ITaskLauncher.WatchAsync(IResourceStateSink states, CancellationToken cancellationToken)
    {
        sink.TrySetResult(states);
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await emulator.DisposeAsync();
        List<ChildProcess> started;
        lock (workers)
        {
            started = [.. workers];
        }

        foreach (var worker in started)
        {
            await worker.DisposeAsync();
        }
    }
}
