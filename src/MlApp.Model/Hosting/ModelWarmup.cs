using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using MlApp.Model.Card;
namespace MlApp.Model.Hosting;

/// <summary>
/// Loads the model while the host starts, so a bad model stops the process before it takes traffic (the function
/// reports it as an init error) and the first request doesn't pay for the load.
/// </summary>
internal sealed class ModelWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetService<IPredictor>() ?? (object)services.GetRequiredService<ModelCard>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
