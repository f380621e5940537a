using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace MlApp.Tests.EndToEnd;

/// <summary>The whole AppHost, started once for every EndToEnd test: stand-ins, function and web running, the batch job not started.</summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    /// <summary>How long any single wait on the running app may take before the test fails instead of hanging.</summary>
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(90);

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(WaitTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.MlApp_AppHost>(timeout.Token);
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
