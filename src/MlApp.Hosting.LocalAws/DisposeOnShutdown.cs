using Microsoft.Extensions.Hosting;

namespace MlApp.Hosting.LocalAws;

/// <summary>Stops an emulator with the AppHost, so its port and pending long polls end with the app.</summary>
internal sealed class DisposeOnShutdown(IAsyncDisposable emulator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => emulator.DisposeAsync().AsTask();
}
