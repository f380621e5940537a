using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MlApp.Hosting.LocalAws.Lambda;

/// <summary>
/// Feeds the log lines of every instance (replica) of a function to the emulator, which adds each line that names an
/// invocation to that invocation's log: what <c>LogType: Tail</c> returns, as Lambda returns what the sandbox printed.
/// </summary>
internal static class FunctionLogFeed
{
    public static void Start(IServiceProvider services, IResource function, LambdaEmulator emulator)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var logs = services.GetRequiredService<ResourceLoggerService>();
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        _ = Task.Run(async () =>
        {
            // Replicas get their ids when they are created, so follow the instances as they appear.
            var followed = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                await foreach (var update in notifications.WatchAsync(stopping))
                {
                    if (update.Resource == function && followed.Add(update.ResourceId))
                    {
                        _ = FollowAsync(logs, update.ResourceId, function.Name, emulator, stopping);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The AppHost is stopping.
            }
        }, CancellationToken.None);
    }

    private static async Task FollowAsync(ResourceLoggerService logs, string instanceId, string functionName, LambdaEmulator emulator, CancellationToken stopping)
    {
        try
        {
            await foreach (var batch in logs.WatchAsync(instanceId).WithCancellation(stopping))
            {
                foreach (var line in batch)
                {
                    emulator.RecordFunctionLog(functionName, line.Content);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The AppHost is stopping.
        }
    }
}
