using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using MlApp.Hosting.LocalAws.Ecs;
using MlApp.Aws.Ecs;

namespace MlApp.Tests.Integration.Ecs;

/// <summary>
/// A minimal Aspire app, shared by the tests of one class: the ECS emulator and one explicit-start task resource, a
/// shell script that sleeps a second and exits 3, so tests need neither the batch project nor the AWS stand-ins.
/// </summary>
public sealed class EcsEmulatorAspireFixture : IAsyncLifetime
{
    public const string Family = "short-task";
    public const string Caller = "dispatcher";

    private HttpClient? _signed;

    public DistributedApplication App { get; private set; } = null!;

    public EcsEmulatorResource Ecs { get; private set; } = null!;

    public EcsClient Client { get; private set; } = null!;

    public ExecutableResource CallerResource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        // The AppHost assembly only lends its Aspire metadata (where DCP is); its topology is not built.
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = [],
            AssemblyName = "MlApp.AppHost",
            DisableDashboard = true,
            AllowUnsecuredTransport = true,
        });
        var ecs = builder.AddEcsEmulator();
        var task = builder.AddExecutable(Family, "sh", AppContext.BaseDirectory, "-c", "sleep 1; exit 3")
            .WithExplicitStart()
            .AsEcsTask(Family);
        // Never started: it only carries the environment a dispatcher would get.
        CallerResource = builder.AddExecutable(Caller, "sh", AppContext.BaseDirectory, "-c", "exit 0")
            .WithExplicitStart()
            .WithEcs(task)
            .Resource;
        App = builder.Build();
        await App.StartAsync(timeout.Token);
        await App.ResourceNotifications.WaitForResourceAsync(ecs.Resource.Name, KnownResourceStates.Running, timeout.Token);
        Ecs = ecs.Resource;
        _signed = EcsEmulatorHarness.SignedHttp(Ecs.Emulator.Url);
        Client = EcsEmulatorHarness.CreateClient(_signed, Family);
    }

    public async Task DisposeAsync()
    {
        _signed?.Dispose();
        if (App is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await App.StopAsync(timeout.Token);
            await App.DisposeAsync();
        }
    }
}
