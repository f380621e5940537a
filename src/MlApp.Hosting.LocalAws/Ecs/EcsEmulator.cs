using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace MlApp.Hosting.LocalAws.Ecs;

/// <summary>
/// A small ECS control plane on 127.0.0.1 (RunTask, DescribeTasks, StopTask, ListTasks over JSON 1.1) whose tasks are
/// local resources, so the dispatcher runs batch tasks locally through the same client and calls as in AWS.
/// </summary>
public sealed class EcsEmulator(string clusterName = EcsLocalNames.Cluster) : IAsyncDisposable
{
    private readonly HashSet<string> _families = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _lifetime = new();
    private WebApplication? _app;
    private Task _watch = Task.CompletedTask;
    private Uri? _url;

    public string ClusterName { get; } = clusterName;

    public Uri Url => _url ?? throw new InvalidOperationException("The ECS emulator has not started.");

    /// <summary>Switches for making RunTask fail, for tests and for the dashboard's command.</summary>
    public RunTaskFaults Faults { get; } = new();

    /// <summary>Registers a task definition family (revision 1) before the emulator starts.</summary>
    public void AddTaskDefinition(string family)
    {
        if (_url is not null)
        {
            throw new InvalidOperationException("Task definitions are registered before the emulator starts.");
        }

        _families.Add(family);
    }

    public async Task StartAsync(ITaskLauncher launcher, ILogger logger, TimeProvider time, CancellationToken cancellationToken)
    {
        var board = new EcsTaskBoard(ClusterName, _families, launcher, Faults, time, logger, _lifetime.Token);
        (_app, _url) = await LoopbackServer.StartAsync(app => app.MapEcsApi(board), cancellationToken);
        _watch = WatchAsync(launcher, board, logger);
    }

    private async Task WatchAsync(ITaskLauncher launcher, EcsTaskBoard board, ILogger logger)
    {
        try
        {
            await launcher.WatchAsync(board, _lifetime.Token);
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            EcsEmulatorLog.WatchFailed(logger, error);
        }
    }

    /// <remarks>
    /// Safe to call twice (the host's shutdown and a test may both do it). The lifetime source is cancelled, not disposed:
    /// start and stop requests still in flight may read its token.
    /// </remarks>
    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync();
        if (Interlocked.Exchange(ref _app, null) is { } app)
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await app.StopAsync(grace.Token);
            await app.DisposeAsync();
        }

        await _watch;
    }
}
