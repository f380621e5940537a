using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MlApp.Hosting.LocalAws;

/// <summary>How an emulator that runs inside the AppHost (Lambda's, ECS's) becomes a dashboard resource, one way for both.</summary>
internal static class EmulatorResources
{
    /// <summary>
    /// Adds <paramref name="resource"/> as Starting (and never to the manifest), runs <paramref name="start"/> before any
    /// other resource starts, so the environment callbacks of callers can read the URL it returns, then shows the resource
    /// Running at that URL. The emulator stops with the AppHost, so its port and pending long polls end with the app.
    /// </summary>
    public static IResourceBuilder<T> AddEmulator<T>(
        this IDistributedApplicationBuilder builder,
        T resource,
        string resourceType,
        IAsyncDisposable emulator,
        Func<IServiceProvider, ILogger, CancellationToken, Task<Uri>> start,
        params ResourcePropertySnapshot[] properties)
        where T : IResource
    {
        var added = builder.AddResource(resource)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = resourceType,
                State = KnownResourceStates.Starting,
                Properties = [.. properties],
            })
            .ExcludeFromManifest();

        builder.Eventing.Subscribe<BeforeStartEvent>(async (@event, cancellationToken) =>
        {
            var services = @event.Services;
            var url = await start(services, services.GetRequiredService<ResourceLoggerService>().GetLogger(resource), cancellationToken);
            await services.GetRequiredService<ResourceNotificationService>().PublishUpdateAsync(resource, state => state with
            {
                State = KnownResourceStates.Running,
                Urls = [new UrlSnapshot("http", url.ToString(), IsInternal: false)],
            });
        });
        builder.Services.AddHostedService(_ => new DisposeOnShutdown(emulator));
        return added;
    }
}
