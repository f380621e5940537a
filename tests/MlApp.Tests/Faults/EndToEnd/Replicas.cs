using System.Collections.Concurrent;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using MlApp.Tests.Support;

namespace MlApp.Tests.Faults.EndToEnd;

/// <summary>
/// The replicas of a project resource in a running AppHost, as the dashboard lists them, and their application
/// processes (Aspire starts each replica as <c>dotnet run</c>; the application is its child).
/// </summary>
internal static class Replicas
{
    /// <summary>The snapshot property that carries a replica's process id (the dashboard shows it too).</summary>
    private const string ProcessIdProperty = "executable.pid";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Waits, at most <paramref name="timeout"/>, until <paramref name="count"/> replicas of the resource run their application.</summary>
    public static async Task<IReadOnlyList<Replica>> RunningAsync(DistributedApplication app, string resourceName, int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        var latest = new ConcurrentDictionary<string, ResourceEvent>();
        var watching = WatchAsync(app, resourceName, latest, stopWatching.Token);
        try
        {
            while (true)
            {
                var running = latest.Values.Select(Find).OfType<Replica>().ToList();
                if (running.Count == count)
                {
                    return running;
                }

                await Task.Delay(PollInterval, deadline.Token);
            }
        }
        finally
        {
            await stopWatching.CancelAsync();
            await watching;
        }
    }

    /// <summary>
    /// Starts a replica whose process ended. Aspire does not restart a crashed replica by itself; this is what Lambda
    /// does with a crashed instance, and what a person does from the dashboard.
    /// </summary>
    public static async Task StartAsync(DistributedApplication app, Replica replica, CancellationToken cancellationToken)
    {
        var result = await app.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(replica.Id, KnownResourceCommands.StartCommand, cancellationToken);
        Assert.True(result.Success, $"Starting {replica.Id} failed: {result.Message}");
    }

    /// <summary>Keeps the latest state of each replica; the watch starts with every replica's current state.</summary>
    private static async Task WatchAsync(DistributedApplication app, string resourceName, ConcurrentDictionary<string, ResourceEvent> latest, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var update in app.ResourceNotifications.WatchAsync(cancellationToken))
            {
                if (update.Resource.Name == resourceName)
                {
                    latest[update.ResourceId] = update;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Done looking.
        }
    }

    private static Replica? Find(ResourceEvent state) =>
        state.Snapshot.State?.Text == KnownResourceStates.Running
        && state.Snapshot.Properties.FirstOrDefault(property => property.Name == ProcessIdProperty)?.Value?.ToString() is { } pid
        && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var wrapper)
        && ProcessTree.ChildrenOf(wrapper) is [var application]
            ? new Replica(state.ResourceId, application)
            : null;
}
